import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ItemStatuses, type ItemStatus } from '@app/contracts';

export class DeskQueryDto {
  @ApiPropertyOptional({ enum: ItemStatuses, description: '按状态筛选' })
  @IsOptional()
  @IsIn(ItemStatuses)
  status?: ItemStatus;

  @ApiPropertyOptional({ enum: ['receivedAt', 'resolveBy', 'updatedAt'], default: 'receivedAt' })
  @IsOptional()
  @IsIn(['receivedAt', 'resolveBy', 'updatedAt'])
  sort?: 'receivedAt' | 'resolveBy' | 'updatedAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;

  @ApiPropertyOptional({ description: '单位（仅政法委、管理员可指定；承办人员固定为本单位）' })
  @IsOptional()
  @IsString()
  unitId?: string;
}
