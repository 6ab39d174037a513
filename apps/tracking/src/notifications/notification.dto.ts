import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class NotificationDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  itemId: string;

  @ApiProperty()
  receiptNo: string;

  @ApiProperty({ enum: ['warned', 'breached', 'escalated_supervisor', 'escalated_committee'] })
  kind: string;

  @ApiProperty({ example: '红色超期：YM-20261124-000123-7「电动车被盗」签收时限已超期' })
  message: string;

  @ApiProperty()
  createdAt: string;

  @ApiPropertyOptional()
  readAt: string | null;
}

export class NotificationsQueryDto {
  @ApiPropertyOptional({ description: '只看未读' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  unread?: boolean;
}
