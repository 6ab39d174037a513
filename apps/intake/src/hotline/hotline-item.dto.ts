import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { SubmitItemDto } from '../items/submit-item.dto';

/** An item pushed by a hotline platform: the common item plus the platform's own id for it. */
export class HotlineItemDto extends SubmitItemDto {
  @ApiProperty({ example: '12345-20261125-0001', description: '热线平台的工单编号（同一平台内唯一）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Matches(/^[\w.:/-]+$/, { message: 'externalId may contain letters, digits and . _ : / - only' })
  externalId: string;
}
