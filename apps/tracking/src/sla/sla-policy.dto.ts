import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RequestTypes, Urgencies, type RequestType, type Urgency } from '@app/contracts';

export class SlaPolicyDto {
  @ApiPropertyOptional({ enum: RequestTypes, description: '诉求类型；空为任意' })
  @IsOptional()
  @IsIn(RequestTypes)
  requestType?: RequestType | null;

  @ApiPropertyOptional({ description: '类别；空为任意' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string | null;

  @ApiPropertyOptional({ enum: Urgencies, description: '紧急程度；空为任意' })
  @IsOptional()
  @IsIn(Urgencies)
  urgency?: Urgency | null;

  @ApiProperty({ example: 60, description: '签收时限（工作分钟）' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  signMinutes: number;

  @ApiProperty({ example: 480, description: '首次联系时限（工作分钟）' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  contactMinutes: number;

  @ApiProperty({ example: 15, description: '办结时限（工作日）' })
  @IsInt()
  @Min(1)
  @Max(365)
  resolveDays: number;

  @ApiProperty({ example: 0.8, description: '黄色预警点（已用时限比例）' })
  @IsNumber()
  @Min(0.1)
  @Max(0.99)
  warnRatio: number;
}
