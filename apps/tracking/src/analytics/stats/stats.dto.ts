import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Agencies, Channels, type Agency, type Channel } from '@app/contracts';
import { GroupDimensions, type GroupBy } from '../domain/rates';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RangeQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: '起始日期（含），默认本月1日' })
  @IsOptional()
  @Matches(DATE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: '截止日期（含），默认今天' })
  @IsOptional()
  @Matches(DATE)
  to?: string;
}

export class RatesQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({ enum: GroupDimensions, default: 'agency' })
  @IsOptional()
  @IsIn(GroupDimensions)
  groupBy?: GroupBy;

  @ApiPropertyOptional({ enum: Agencies, description: '只统计该机关（如按周看公安的三率）' })
  @IsOptional()
  @IsIn(Agencies)
  agency?: Agency;

  @ApiPropertyOptional({ example: 'ga-dc', description: '只统计该承办单位' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/)
  unitId?: string;

  @ApiPropertyOptional({ enum: Channels, description: '只统计该渠道' })
  @IsOptional()
  @IsIn(Channels)
  channel?: Channel;

  @ApiPropertyOptional({ example: '371402', description: '只统计该区域' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  areaCode?: string;
}

export const LedgerFormats = ['json', 'csv', 'xlsx'] as const;
export type LedgerFormat = (typeof LedgerFormats)[number];

export class LedgerQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({ enum: LedgerFormats, default: 'json' })
  @IsOptional()
  @IsIn(LedgerFormats)
  format?: LedgerFormat;
}

export class GovernanceTaskRequestDto {
  @ApiPropertyOptional({ description: '治理任务标题，默认取热点标题' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: '说明' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ example: 'ga-dc', description: '牵头单位' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unitId?: string;
}

export class RatioDto {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'numerator / denominator；分母为0时为 null',
  })
  rate: number | null;
}

export class GroupRatesDto {
  @ApiProperty({ example: 'ga-dc' }) key: string;
  @ApiProperty({ example: '德城区公安分局' }) label: string;
  @ApiProperty({ description: '全部件数（含重复件、转办件）' }) items: number;
  @ApiProperty({ description: '计入三率的件数（重复件只计一次，不含转办件）' }) counted: number;
  @ApiProperty({ type: RatioDto, description: '响应率：按时签收且按时首次联系 / 已到期件' })
  @Type(() => RatioDto)
  response: RatioDto;
  @ApiProperty({ type: RatioDto, description: '解决率：已办结 / 已到办结期限或已办结件' })
  resolution: RatioDto;
  @ApiProperty({ type: RatioDto, description: '满意率：(满意+基本满意) / 已回访件' }) satisfaction: RatioDto;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '综合得分（按权重）' }) composite:
    number | null;
  @ApiProperty({ type: RatioDto, description: '按时办结率' }) onTime: RatioDto;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '平均办理时长（小时）' })
  averageHandlingHours: number | null;
  @ApiProperty({ type: RatioDto, description: '退单率' }) returnRate: RatioDto;
  @ApiProperty({ type: RatioDto, description: '错派率' }) misrouteRate: RatioDto;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '排名（样本不足时为 null）' }) rank:
    number | null;
}

export class WeightsDto {
  @ApiProperty({ example: 30 }) response: number;
  @ApiProperty({ example: 35 }) resolution: number;
  @ApiProperty({ example: 35 }) satisfaction: number;
}

export class RatesDto {
  @ApiProperty({ enum: GroupDimensions }) groupBy: GroupBy;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: '计算时点' }) asOf: string;
  @ApiProperty({ description: '来自已关账期间的快照' }) frozen: boolean;
  @ApiProperty({ type: WeightsDto }) weights: WeightsDto;
  @ApiProperty({ example: 10 }) minSample: number;
  @ApiProperty({ type: [GroupRatesDto] }) groups: GroupRatesDto[];
}

export class CountDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class OverviewDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: [CountDto] }) byStatus: CountDto[];
  @ApiProperty({ type: [CountDto] }) byAgency: CountDto[];
  @ApiProperty({ type: [CountDto] }) byChannel: CountDto[];
  @ApiProperty({ type: [CountDto] }) byArea: CountDto[];
  @ApiProperty({ description: '未办结且已超过办结期限' }) overdue: number;
  @ApiProperty({ description: '被督办过的件' }) escalated: number;
  @ApiProperty({ description: '重复件（已关联到原件）' }) repeats: number;
  @ApiProperty({ description: '属于热点的件' }) inHotSpots: number;
}

export class TriageDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: '进入分拨待定的件数' }) triaged: number;
  @ApiProperty({ description: '仍在分拨待定' }) waiting: number;
  @ApiProperty({ description: '分拨待定后已分拨' }) decided: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '从待定到分拨的平均小时数' })
  averageDecisionHours: number | null;
}

export class HotSpotItemDto {
  @ApiProperty() itemId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) receiptNo: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) title: string | null;
}

export class HotSpotDto {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ type: String, nullable: true }) areaCode: string | null;
  @ApiProperty() areaName: string;
  @ApiProperty() title: string;
  @ApiProperty() itemCount: number;
  @ApiProperty({ description: '不同诉求人数' }) people: number;
  @ApiProperty() firstAt: string;
  @ApiProperty() lastAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) governanceTaskId: string | null;
  @ApiProperty({ type: [HotSpotItemDto] }) items: HotSpotItemDto[];
}

export class HotSpotsDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [HotSpotDto] }) clusters: HotSpotDto[];
}

export class GovernanceTaskDto {
  @ApiProperty() id: string;
  @ApiProperty() clusterId: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) note: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) unitId: string | null;
  @ApiProperty({ type: [String] }) itemIds: string[];
  @ApiProperty({ example: 'open' }) status: string;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
}

export class LedgerRowDto {
  @ApiProperty({ description: '受理编号' }) receiptNo: string;
  @ApiProperty({ description: '诉求标题' }) title: string;
  @ApiProperty({ description: '受理渠道' }) channel: string;
  @ApiProperty({ description: '诉求类型' }) requestType: string;
  @ApiProperty({ description: '事项类别' }) category: string;
  @ApiProperty({ description: '所属区域' }) area: string;
  @ApiProperty({ description: '承办机关' }) agency: string;
  @ApiProperty({ description: '承办单位' }) unit: string;
  @ApiProperty({ description: '承办人' }) worker: string;
  @ApiProperty({ description: '办理状态' }) status: string;
  @ApiProperty({ description: '受理时间' }) receivedAt: string;
  @ApiProperty({ description: '分拨时间' }) routedAt: string;
  @ApiProperty({ description: '签收时间' }) signedAt: string;
  @ApiProperty({ description: '首次联系时间' }) firstContactAt: string;
  @ApiProperty({ description: '办结时间' }) resolvedAt: string;
  @ApiProperty({ description: '回访时间' }) followedUpAt: string;
  @ApiProperty({ description: '关闭时间' }) closedAt: string;
  @ApiProperty({ description: '办结期限' }) resolveDeadline: string;
  @ApiProperty({ description: '是否按时办结' }) onTime: string;
  @ApiProperty({ description: '退单次数' }) returns: number;
  @ApiProperty({ description: '延期次数' }) extensions: number;
  @ApiProperty({ description: '督办次数' }) escalations: number;
  @ApiProperty({ description: '回访满意度' }) satisfaction: string;
  @ApiProperty({ description: '重复件（原件编号）' }) repeatOf: string;
  @ApiProperty({ description: '热点编号' }) clusterId: string;
}

export class LedgerDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: '来自已关账期间的快照' }) frozen: boolean;
  @ApiProperty({ type: [LedgerRowDto] }) rows: LedgerRowDto[];
}

export class ClosedPeriodDto {
  @ApiProperty({ example: '2026-11' }) period: string;
  @ApiProperty() itemCount: number;
  @ApiProperty() closedBy: string;
  @ApiProperty() closedAt: string;
}

export class EscalationRowDto {
  @ApiProperty({ example: 'ga-dc' }) unitId: string;
  @ApiProperty({ example: '德城区公安分局' }) unitName: string;
  @ApiProperty({ description: '被督办过的件数' }) escalatedItems: number;
  @ApiProperty({ description: '督办次数合计' }) escalations: number;
  @ApiProperty({ description: '未办结且已超期的件数' }) overdueOpen: number;
}

export class EscalationsDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [EscalationRowDto] }) units: EscalationRowDto[];
}
