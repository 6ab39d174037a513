import { ApiProperty } from '@nestjs/swagger';

export class BatchReceiptDto {
  @ApiProperty({ description: '第几条记录（从 1 开始，不含表头）' })
  row: number;

  @ApiProperty({ example: 'YM-20261124-000123-7' })
  receiptNo: string;

  @ApiProperty()
  itemId: string;
}

export class BatchProblemDto {
  @ApiProperty({ example: 'citizen.mobile' })
  field: string;

  @ApiProperty({ example: 'isMobilePhone' })
  rule: string;

  @ApiProperty()
  message: string;

  @ApiProperty()
  messageEn: string;
}

export class BatchRejectionDto {
  @ApiProperty()
  row: number;

  @ApiProperty({ type: [BatchProblemDto] })
  errors: BatchProblemDto[];
}

/** What happened to every row of an upload. */
export class BatchReportDto {
  @ApiProperty({ type: [BatchReceiptDto], description: '新受理的记录' })
  accepted: BatchReceiptDto[];

  @ApiProperty({ type: [BatchRejectionDto], description: '被拒绝的记录及原因' })
  rejected: BatchRejectionDto[];

  @ApiProperty({
    type: [BatchReceiptDto],
    description: '此前已受理过的记录（同一来源、同一编号），返回原受理编号',
  })
  duplicates: BatchReceiptDto[];
}
