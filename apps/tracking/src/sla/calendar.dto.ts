import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-10' })
  date: string;

  @ApiProperty({
    enum: ['holiday', 'workday'],
    description: 'holiday 节假日（工作日放假）；workday 调休上班',
  })
  kind: string;

  @ApiPropertyOptional({ example: '国庆节调休' })
  name: string | null;

  @ApiProperty({ enum: ['official', 'admin'] })
  source: string;
}

export class CalendarQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class SetCalendarDayDto {
  @ApiProperty({ enum: ['holiday', 'workday', 'normal'], description: 'normal 删除例外，按周一至周五计' })
  @IsIn(['holiday', 'workday', 'normal'])
  kind: 'holiday' | 'workday' | 'normal';

  @ApiPropertyOptional({ example: '地方性假日' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}
