import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsMobilePhone,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';

/** Every Open311 call names its platform by api_key (OPEN311_API_KEYS). */
class KeyedDto {
  @ApiProperty({ description: '平台的 API key' })
  @IsString()
  @MaxLength(200)
  api_key: string;

  @ApiPropertyOptional({ example: '371402', description: '辖区：区县代码' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  jurisdiction_id?: string;
}

export class ServicesQueryDto {
  @ApiPropertyOptional({ example: '371402' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  jurisdiction_id?: string;
}

/** GeoReport v2 POST /requests.json, form-encoded or JSON. Attributes are not supported (no service has metadata). */
export class CreateServiceRequestDto extends KeyedDto {
  @ApiProperty({ example: 'theft' })
  @IsString()
  @MaxLength(40)
  service_code: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsLongitude()
  long?: number;

  @ApiPropertyOptional({ example: '德城区新湖街道湖滨北路 12 号' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address_string?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  address_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  device_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  account_id?: string;

  @ApiPropertyOptional({ example: '三' })
  @IsOptional()
  @IsString()
  @MaxLength(25)
  first_name?: string;

  @ApiPropertyOptional({ example: '张' })
  @IsOptional()
  @IsString()
  @MaxLength(25)
  last_name?: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @IsMobilePhone('zh-CN')
  phone?: string;

  @ApiProperty({ example: '昨晚停在小区楼下的电动车被盗。', maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  media_url?: string;
}

export class ServiceRequestsQueryDto extends KeyedDto {
  @ApiPropertyOptional({ description: '逗号分隔的受理编号' })
  @IsOptional()
  @Matches(/^YM-\d{8}-\d{6}-\d(,YM-\d{8}-\d{6}-\d){0,49}$/, {
    message: 'service_request_id must be up to 50 comma-separated receipt numbers',
  })
  service_request_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  service_code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601()
  start_date?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601()
  end_date?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

export class ServiceRequestQueryDto extends KeyedDto {}

export class Open311ServiceDto {
  @ApiProperty() service_code: string;
  @ApiProperty() service_name: string;
  @ApiProperty() description: string;
  @ApiProperty() metadata: boolean;
  @ApiProperty({ enum: ['realtime', 'batch', 'blackbox'] }) type: 'realtime' | 'batch' | 'blackbox';
  @ApiProperty() keywords: string;
  @ApiProperty() group: string;
}

export class Open311RequestCreatedDto {
  @ApiProperty({ example: 'YM-20261124-000123-7' }) service_request_id: string;
  @ApiProperty() service_notice: string;
  @ApiProperty({ type: String, nullable: true }) account_id: string | null;
}

export class Open311ServiceRequestDto {
  @ApiProperty() service_request_id: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ type: String, nullable: true }) status_notes: string | null;
  @ApiProperty({ type: String, nullable: true }) service_name: string | null;
  @ApiProperty({ type: String, nullable: true }) service_code: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) agency_responsible: string | null;
  @ApiProperty({ type: String, nullable: true }) service_notice: string | null;
  @ApiProperty() requested_datetime: string;
  @ApiProperty() updated_datetime: string;
  @ApiProperty({ type: String, nullable: true }) expected_datetime: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) address_id: string | null;
  @ApiProperty({ type: String, nullable: true }) zipcode: string | null;
  @ApiProperty({ type: Number, nullable: true }) lat: number | null;
  @ApiProperty({ type: Number, nullable: true }) long: number | null;
  @ApiProperty({ type: String, nullable: true }) media_url: string | null;
}
