import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: '起始时间（含），ISO 8601', example: '2026-11-25T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ description: '截止时间（不含），ISO 8601' })
  @IsOptional()
  @IsISO8601()
  to?: string;

  @ApiPropertyOptional({ description: '操作人用户名', example: 'ga-dc-01' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ description: '翻页：只返回 id 小于此值的记录（上一页的 nextBefore）' })
  @IsOptional()
  @Matches(/^\d{1,18}$/)
  before?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class AuditEntryDto {
  @ApiProperty({ example: '1024' })
  id: string;

  @ApiProperty()
  at: string;

  @ApiProperty({ example: 'tracking' })
  service: string;

  @ApiProperty({ enum: ['read', 'change', 'sign-in'], description: '查阅个人信息 / 变更 / 登录' })
  action: string;

  @ApiPropertyOptional({ nullable: true, example: 'ga-dc-01' })
  actorUsername: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'worker' })
  actorRole: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'police' })
  actorAgency: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'ga-dc' })
  actorUnitId: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'GET' })
  method: string | null;

  @ApiPropertyOptional({ nullable: true, example: '/api/v1/items/:receiptNo' })
  route: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'item' })
  targetType: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'YM-20261125-000001-6' })
  targetId: string | null;

  @ApiProperty({ example: 200, description: '请求结果（HTTP 状态码）' })
  status: number;

  @ApiPropertyOptional({ nullable: true })
  correlationId: string | null;

  @ApiPropertyOptional({ nullable: true })
  clientAddress: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto], description: '按时间倒序' })
  entries: AuditEntryDto[];

  @ApiPropertyOptional({ nullable: true, description: '下一页的 before 参数；无更多记录时为 null' })
  nextBefore: string | null;
}
