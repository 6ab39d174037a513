import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class OpenByCitizenQueryDto {
  @ApiProperty({ example: '13800138000' })
  @Matches(/^1\d{10}$/, { message: 'mobile 必须是 11 位手机号' })
  mobile: string;
}
