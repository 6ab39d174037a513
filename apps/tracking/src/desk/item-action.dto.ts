import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ContactMethods,
  FollowUpResults,
  NoteVisibilities,
  ReturnReasons,
  type ContactMethod,
  type FollowUpResult,
  type NoteVisibility,
  type ReturnReason,
} from '@app/contracts';

export class RejectOfferDto {
  @ApiProperty({ example: '本人休假' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class AddNoteDto {
  @ApiProperty({ example: '已调取小区监控' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text: string;

  @ApiProperty({ enum: NoteVisibilities, description: 'internal 内部；citizen 群众可见' })
  @IsIn(NoteVisibilities)
  visibility: NoteVisibility;
}

export class LogContactDto {
  @ApiProperty({ enum: ContactMethods })
  @IsIn(ContactMethods)
  method: ContactMethod;

  @ApiProperty({ example: '已电话联系群众，告知办理进度' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary: string;

  @ApiPropertyOptional({ description: '联系时间，默认当前时间' })
  @IsOptional()
  @IsISO8601()
  contactedAt?: string;
}

export class ReturnItemDto {
  @ApiProperty({
    enum: ReturnReasons,
    description: 'wrong_area 属地不符；not_our_function 职能不符；incomplete 信息不全',
  })
  @IsIn(ReturnReasons)
  reasonCode: ReturnReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class RequestExtensionDto {
  @ApiProperty({ example: 5, description: '延长的工作日数' })
  @IsInt()
  @Min(1)
  @Max(60)
  extraWorkingDays: number;

  @ApiProperty({ example: '需等待司法鉴定结果' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class ResolveItemDto {
  @ApiProperty({ example: '经调查已追回被盗电动车并归还群众' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  resolution: string;
}

export class ReassignItemDto {
  @ApiProperty({ example: 'ga-dc-02' })
  @IsString()
  @IsNotEmpty()
  toWorkerId: string;
}

export class SuspendItemDto {
  @ApiProperty({ example: '等待鉴定机构出具意见' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class FollowUpDto {
  @ApiProperty({
    enum: FollowUpResults,
    description: 'satisfied 满意；basically_satisfied 基本满意；unsatisfied 不满意',
  })
  @IsIn(FollowUpResults)
  result: FollowUpResult;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
