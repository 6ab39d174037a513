import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class BatchQueryDto {
  @ApiPropertyOptional({
    example: 'suggestion-box',
    description: '记录来源（意见箱、论坛…）；编号在同一来源内唯一',
  })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'source must be a short lower-case name such as forum' })
  source?: string;
}
