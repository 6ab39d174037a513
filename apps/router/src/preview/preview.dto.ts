import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Agencies, HotlinePlatforms, LocationDto } from '@app/contracts';

/** The router routes on the area and address only; coordinates are refused as unknown fields. */
export class PreviewLocationDto extends PickType(LocationDto, ['areaCode', 'areaName', 'address'] as const) {}

/** A draft item: what the window clerk has typed so far. Nothing is stored. */
export class PreviewRequestDto {
  @ApiProperty({ example: '电动车被盗', description: '标题' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '昨晚停在小区楼下的电动车被偷了', description: '诉求内容' })
  @IsString()
  @MaxLength(10_000)
  description: string;

  @ApiPropertyOptional({ enum: HotlinePlatforms, description: '来源热线平台' })
  @IsOptional()
  @IsIn(HotlinePlatforms)
  platform?: string;

  @ApiPropertyOptional({ example: '户籍管理', description: '群众所选类别' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;

  @ApiPropertyOptional({ type: PreviewLocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreviewLocationDto)
  location?: PreviewLocationDto;
}

export class PreviewUnitDto {
  @ApiProperty({ example: 'ga-dc' })
  id: string;

  @ApiProperty({ example: '德城区公安分局' })
  name: string;
}

export class MatchedRuleDto {
  @ApiProperty({ example: 'police.theft' })
  ruleId: string;

  @ApiProperty({ enum: Agencies })
  target: string;

  @ApiProperty({ example: '盗窃抢劫' })
  label: string;

  @ApiProperty({ example: 12 })
  score: number;

  @ApiProperty({ type: [String], example: ['被盗', '偷'] })
  terms: string[];
}

export class ExplanationDto {
  @ApiProperty({ type: [MatchedRuleDto] })
  matchedRules: MatchedRuleDto[];

  @ApiProperty({ type: [String] })
  terms: string[];

  @ApiProperty({ example: { police: 12, court: 0, out_of_scope: 0 }, description: '各机关得分' })
  scores: Record<string, number>;

  @ApiProperty({ example: 0.9 })
  confidence: number;

  @ApiProperty({ example: 'v1' })
  ruleSetVersion: string;

  @ApiProperty({ example: '命中 盗窃抢劫（被盗、偷）' })
  summary: string;
}

export class AssistingDto {
  @ApiProperty({ enum: Agencies })
  agency: string;

  @ApiPropertyOptional()
  unitId?: string;
}

export class PreviewResponseDto {
  @ApiProperty({ enum: Agencies, description: '主办机关；out_of_scope 为转办' })
  agency: string;

  @ApiPropertyOptional({ example: '盗窃抢劫', nullable: true })
  category: string | null;

  @ApiPropertyOptional({
    type: PreviewUnitDto,
    nullable: true,
    description: '承办单位；分拨待定或转办时为空',
  })
  unit: PreviewUnitDto | null;

  @ApiProperty({ example: 0.9 })
  confidence: number;

  @ApiProperty()
  outOfScope: boolean;

  @ApiPropertyOptional({ example: '住房和城乡建设局', nullable: true })
  suggestedDepartment: string | null;

  @ApiProperty({ description: '低于置信度阈值或区县不明：进入政法委分拨待定队列' })
  triage: boolean;

  @ApiPropertyOptional({ nullable: true })
  triageReason: string | null;

  @ApiProperty({ type: [AssistingDto], description: '协办机关' })
  assisting: AssistingDto[];

  @ApiProperty({ type: ExplanationDto })
  explanation: ExplanationDto;
}
