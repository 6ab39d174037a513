import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TimelineEntryDto {
  @ApiProperty({ example: 'ItemRouted' })
  type: string;

  @ApiProperty()
  occurredAt: string;

  @ApiProperty({ example: 'router' })
  producer: string;

  @ApiProperty()
  summary: Record<string, unknown>;
}

export class ItemStatusDto {
  @ApiProperty({ example: 'YM-20261124-000123-7' })
  receiptNo: string;

  @ApiProperty({ example: 'assigned' })
  status: string;

  @ApiPropertyOptional({ example: 'police' })
  agency: string | null;

  @ApiPropertyOptional()
  title: string | null;

  @ApiPropertyOptional()
  channel: string | null;

  @ApiPropertyOptional()
  receivedAt: string | null;

  @ApiProperty({ type: [TimelineEntryDto] })
  timeline: TimelineEntryDto[];
}
