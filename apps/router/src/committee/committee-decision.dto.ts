import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { InScopeAgencies } from '../domain/classifier/rule-set';

const TARGETS = [...InScopeAgencies, 'out_of_scope'] as const;

/** The committee's decision for an item in triage (分拨待定) or arbitration (仲裁). */
export class CommitteeDecisionDto {
  @ApiProperty({ enum: TARGETS, description: '承办机关；out_of_scope 为转办' })
  @IsIn(TARGETS)
  agency: (typeof TARGETS)[number];

  @ApiPropertyOptional({ example: 'ga-dc', description: '承办单位；不填则按区县确定' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unitId?: string;

  @ApiPropertyOptional({ example: '371402', description: '所属区县代码（事项地址不明时）' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  areaCode?: string;

  @ApiPropertyOptional({ example: '住房和城乡建设局', description: '转办时的建议承办部门' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  suggestedDepartment?: string;

  @ApiPropertyOptional({ example: '经研判属公安管辖' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class CommitteeDecisionResultDto {
  @ApiProperty({ example: 'routed', enum: ['offered', 'queued', 'referred'] })
  status: string;

  @ApiPropertyOptional({ example: 'ga-dc', nullable: true })
  unitId: string | null;

  @ApiPropertyOptional({ example: 'ga-dc-01', nullable: true })
  workerId: string | null;

  @ApiProperty({ example: 2 })
  round: number;
}
