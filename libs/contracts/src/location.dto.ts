import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * Where the matter is, as an HTTP request gives it. Intake takes all of it; the router's preview picks the
 * fields it routes on, so the limits and the API docs are written once.
 */
export class LocationDto {
  @ApiPropertyOptional({ example: '371402', description: '区县代码' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  areaCode?: string;

  @ApiPropertyOptional({ example: '德城区' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  areaName?: string;

  @ApiPropertyOptional({ example: '新湖街道湖滨北路 12 号' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLongitude()
  lng?: number;
}
