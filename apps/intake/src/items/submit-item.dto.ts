import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIdentityCard,
  IsIn,
  IsInt,
  IsMobilePhone,
  IsNotEmpty,
  IsUrl,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocationDto, RequestTypes, Urgencies, type RequestType, type Urgency } from '@app/contracts';

export class CitizenDto {
  @ApiPropertyOptional({ example: '张三' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ example: '13800138000', description: '中国大陆手机号' })
  @IsOptional()
  @IsMobilePhone('zh-CN')
  mobile?: string;

  @ApiPropertyOptional({ description: '居民身份证号码（校验位会被校验）' })
  @IsOptional()
  @IsIdentityCard('zh-CN')
  idCard?: string;

  @ApiPropertyOptional({ default: false, description: '匿名（仅举报可匿名）' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class AttachmentDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'image/jpeg' })
  @IsString()
  @MaxLength(100)
  contentType: string;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(50 * 1024 * 1024)
  sizeBytes: number;

  @ApiPropertyOptional({ description: '附件地址（http/https）' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  url?: string;
}

/** A request as entered at the window (and the common core of every channel). */
export class SubmitItemDto {
  @ApiProperty({ example: '电动车被盗', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title: string;

  @ApiProperty({ example: '昨晚停在小区楼下的电动车被盗，请求派出所调查。', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ enum: RequestTypes, description: '咨询/求助/投诉/举报/建议' })
  @IsIn(RequestTypes)
  requestType: RequestType;

  @ApiPropertyOptional({ example: '盗窃' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;

  @ApiProperty({ type: LocationDto })
  @ValidateNested()
  @Type(() => LocationDto)
  location: LocationDto;

  @ApiProperty({ type: CitizenDto })
  @ValidateNested()
  @Type(() => CitizenDto)
  citizen: CitizenDto;

  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ enum: Urgencies, default: 'normal' })
  @IsOptional()
  @IsIn(Urgencies)
  urgency?: Urgency;
}

export class ReceiptDto {
  @ApiProperty({ example: 'YM-20261124-000123-7' })
  receiptNo: string;

  @ApiProperty()
  itemId: string;

  @ApiProperty()
  receivedAt: string;
}
