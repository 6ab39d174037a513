import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CitizenDto {
  @ApiPropertyOptional({ example: '张*', description: '姓名（非承办单位与政法委时脱敏）' })
  name: string | null;

  @ApiPropertyOptional({ example: '138****8000' })
  mobile: string | null;

  @ApiPropertyOptional({ example: '371402********123X' })
  idCard: string | null;

  @ApiProperty()
  anonymous: boolean;

  @ApiProperty({ description: '是否为脱敏数据' })
  masked: boolean;
}

export class DeadlinesDto {
  @ApiPropertyOptional({ description: '签收时限' })
  signBy: string | null;

  @ApiPropertyOptional({ description: '首次联系时限' })
  contactBy: string | null;

  @ApiPropertyOptional({ description: '办结时限' })
  resolveBy: string | null;
}

export class AlertsDto {
  @ApiPropertyOptional({ enum: ['warned', 'breached', 'escalated_supervisor', 'escalated_committee'] })
  sign: string | null;

  @ApiPropertyOptional()
  contact: string | null;

  @ApiPropertyOptional()
  resolve: string | null;
}

export class OfferDto {
  @ApiProperty()
  offerId: string;

  @ApiProperty()
  workerId: string;

  @ApiProperty()
  expiresAt: string;

  @ApiProperty({ description: '距签收截止的秒数（倒计时，可为负）' })
  secondsLeft: number;
}

export class TimelineEntryDto {
  @ApiProperty({ example: 'ItemRouted' })
  type: string;

  @ApiProperty()
  occurredAt: string;

  @ApiProperty({ example: 'router', description: '来源服务' })
  producer: string;

  @ApiPropertyOptional({ example: 'ga-dc-01', description: '操作人' })
  actor: string | null;

  @ApiProperty()
  summary: Record<string, unknown>;
}

/** One line of a desk list. */
export class ItemSummaryDto {
  @ApiProperty()
  itemId: string;

  @ApiProperty({ example: 'YM-20261124-000123-7' })
  receiptNo: string;

  @ApiProperty({ example: 'signed' })
  status: string;

  @ApiProperty({ example: '已签收' })
  statusLabel: string;

  @ApiPropertyOptional()
  title: string | null;

  @ApiPropertyOptional({ example: 'help' })
  requestType: string | null;

  @ApiPropertyOptional({ example: 'normal' })
  urgency: string | null;

  @ApiPropertyOptional({ example: 'police' })
  agency: string | null;

  @ApiPropertyOptional({ example: 'ga-dc' })
  unitId: string | null;

  @ApiPropertyOptional({ example: 'ga-dc-01' })
  workerId: string | null;

  @ApiPropertyOptional({ type: CitizenDto })
  citizen: CitizenDto | null;

  @ApiPropertyOptional()
  receivedAt: string | null;

  @ApiProperty({ type: DeadlinesDto })
  deadlines: DeadlinesDto;

  @ApiProperty({ type: AlertsDto })
  alerts: AlertsDto;

  @ApiPropertyOptional({ type: OfferDto })
  offer: OfferDto | null;
}

export class ItemPageDto {
  @ApiProperty({ type: [ItemSummaryDto] })
  items: ItemSummaryDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

export class PendingExtensionDto {
  @ApiProperty()
  requestId: string;

  @ApiProperty()
  extraWorkingDays: number;

  @ApiProperty()
  reason: string;

  @ApiProperty()
  by: string;
}

/** An item's full record for staff who may see it. */
export class ItemDetailDto extends ItemSummaryDto {
  @ApiPropertyOptional()
  description: string | null;

  @ApiPropertyOptional()
  channel: string | null;

  @ApiPropertyOptional()
  category: string | null;

  @ApiProperty()
  confidential: boolean;

  @ApiPropertyOptional()
  areaCode: string | null;

  @ApiPropertyOptional()
  address: string | null;

  @ApiProperty({ type: [String] })
  assistingUnitIds: string[];

  @ApiPropertyOptional()
  signedAt: string | null;

  @ApiPropertyOptional()
  firstContactAt: string | null;

  @ApiPropertyOptional()
  resolvedAt: string | null;

  @ApiPropertyOptional()
  resolution: string | null;

  @ApiPropertyOptional()
  closedAt: string | null;

  @ApiPropertyOptional({ example: 'satisfied' })
  followUpResult: string | null;

  @ApiProperty()
  returns: number;

  @ApiProperty()
  redoCount: number;

  @ApiPropertyOptional({ type: PendingExtensionDto })
  pendingExtension: PendingExtensionDto | null;

  @ApiProperty({ type: [TimelineEntryDto] })
  timeline: TimelineEntryDto[];
}

/** What an action did: the item's new status and the events it published. */
export class ItemActionResultDto {
  @ApiProperty()
  itemId: string;

  @ApiProperty()
  receiptNo: string;

  @ApiProperty({ example: 'signed' })
  status: string;

  @ApiProperty({ example: '已签收' })
  statusLabel: string;

  @ApiProperty({ type: [String], example: ['ItemSigned'] })
  events: string[];

  @ApiPropertyOptional({ description: '新的办结时限（延期、恢复、重办后）' })
  resolveBy: string | null;
}
