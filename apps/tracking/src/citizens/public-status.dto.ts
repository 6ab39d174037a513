import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class PublicStatusQueryDto {
  @ApiProperty({ example: 'YM-20261124-000123-7', description: '受理编号' })
  @Matches(/^YM-\d{8}-\d{6}-\d$/, { message: 'receiptNo 应形如 YM-20261124-000123-7' })
  receiptNo: string;

  @ApiProperty({ example: '8000', description: '登记手机号后四位' })
  @Matches(/^\d{4}$/, { message: 'phoneLast4 应为 4 位数字' })
  phoneLast4: string;
}

export class PublicProgressDto {
  @ApiProperty()
  at: string;

  @ApiProperty({ example: '已签收' })
  label: string;

  @ApiPropertyOptional({ description: '承办人员填写的群众可见进展' })
  text: string | null;
}

/** What a citizen may see of their own item: no staff names, no internal notes, no other people's data. */
export class PublicStatusDto {
  @ApiProperty({ example: 'YM-20261124-000123-7' })
  receiptNo: string;

  @ApiProperty({ example: 'in_progress' })
  status: string;

  @ApiProperty({ example: '办理中' })
  statusLabel: string;

  @ApiPropertyOptional({ example: '公安' })
  agencyLabel: string | null;

  @ApiPropertyOptional({ example: '求助' })
  requestTypeLabel: string | null;

  @ApiPropertyOptional()
  title: string | null;

  @ApiPropertyOptional()
  receivedAt: string | null;

  @ApiPropertyOptional({ description: '承诺办结时间' })
  resolveBy: string | null;

  @ApiPropertyOptional()
  resolvedAt: string | null;

  @ApiPropertyOptional()
  closedAt: string | null;

  @ApiPropertyOptional({ description: '答复意见' })
  resolution: string | null;

  @ApiProperty({ type: [PublicProgressDto] })
  progress: PublicProgressDto[];
}
