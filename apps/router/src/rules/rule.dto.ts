import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { InScopeAgencies } from '../domain/classifier/rule-set';

const KINDS = ['category', 'department', 'channel'] as const;

/** A routing rule as administrators read and write it. */
export class RuleDto {
  @ApiProperty({ example: 'police.theft', description: '规则编号（小写字母、数字、点、横线）' })
  @IsString()
  @MaxLength(80)
  id: string;

  @ApiProperty({ enum: KINDS, description: 'category 政法类别；department 转办部门；channel 热线平台先验' })
  @IsIn(KINDS)
  kind: (typeof KINDS)[number];

  @ApiProperty({ example: '盗窃抢劫', description: '类别名称或建议转办部门名称' })
  @IsString()
  @MaxLength(60)
  label: string;

  @ApiPropertyOptional({ enum: InScopeAgencies, description: 'category/channel 的承办机关' })
  @IsOptional()
  @IsIn(InScopeAgencies)
  agency?: string;

  @ApiPropertyOptional({ example: { 盗窃: 4, 被偷: 3 }, description: '关键词及权重（0–20]' })
  @IsOptional()
  @IsObject()
  terms?: Record<string, number>;

  @ApiPropertyOptional({ type: [String], description: '群众所选类别的同义名称' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  aliases?: string[];

  @ApiPropertyOptional({ example: '12368', description: 'channel 规则的热线平台号' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  platform?: string;

  @ApiPropertyOptional({ example: 4, description: 'channel 规则的权重' })
  @IsOptional()
  @IsNumber()
  weight?: number;
}

export class RuleSetDto {
  @ApiProperty({ example: 'v3', description: '规则集版本；每次修改加一' })
  version: string;

  @ApiProperty({ type: [RuleDto] })
  rules: RuleDto[];
}

export class ReplaceRulesDto {
  @ApiProperty({ type: [RuleDto], description: '完整规则集：未列出的规则将被删除' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RuleDto)
  rules: RuleDto[];
}

export class RulesReplacedDto extends RuleSetDto {
  @ApiProperty({ example: 3, description: '新增、修改、删除的规则数' })
  changed: number;
}

export class RuleSavedDto {
  @ApiProperty({ example: 'v4' })
  version: string;

  @ApiProperty({ type: RuleDto })
  rule: RuleDto;
}

export class RuleChangeDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: 'v4' })
  version: string;

  @ApiProperty()
  ruleId: string;

  @ApiProperty({ enum: ['create', 'update', 'delete'] })
  action: string;

  @ApiProperty({ example: 'admin' })
  changedBy: string;

  @ApiProperty()
  changedAt: string;

  @ApiPropertyOptional({ type: RuleDto, nullable: true })
  before: RuleDto | null;

  @ApiPropertyOptional({ type: RuleDto, nullable: true })
  after: RuleDto | null;
}
