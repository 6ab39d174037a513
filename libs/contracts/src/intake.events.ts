import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  Channels,
  RequestTypes,
  Urgencies,
  type Channel,
  type RequestType,
  type Urgency,
} from './vocabulary';

export class ChannelSourceV1 {
  @IsIn(Channels)
  channel: Channel;

  /** Hotline platform (12345, 12368, …) or the Open311 client name. */
  @IsOptional()
  @IsString()
  platform?: string;

  /** The pushing platform's own id; (channel, externalId) is unique. */
  @IsOptional()
  @IsString()
  externalId?: string;

  /** Staff user who entered the item (window clerk, batch operator). */
  @IsOptional()
  @IsString()
  enteredBy?: string;
}

export class LocationV1 {
  @IsOptional()
  @IsString()
  areaCode?: string;

  @IsOptional()
  @IsString()
  areaName?: string;

  @IsOptional()
  @IsString()
  address?: string;

  @IsOptional()
  @IsNumber()
  lat?: number;

  @IsOptional()
  @IsNumber()
  lng?: number;
}

export class CitizenV1 {
  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsString()
  mobile?: string;

  @IsOptional()
  @IsString()
  idCard?: string;

  @IsBoolean()
  anonymous: boolean;
}

export class AttachmentV1 {
  @IsString()
  name: string;

  @IsString()
  contentType: string;

  @IsInt()
  @Min(0)
  sizeBytes: number;

  @IsOptional()
  @IsString()
  url?: string;
}

/** An accepted item with its receipt number: the start of every item's life. */
export class ItemReceivedV1 {
  @IsString()
  receiptNo: string;

  @ValidateNested()
  @Type(() => ChannelSourceV1)
  source: ChannelSourceV1;

  @IsIn(RequestTypes)
  requestType: RequestType;

  @IsString()
  @MaxLength(200)
  title: string;

  @IsString()
  description: string;

  @IsOptional()
  @IsString()
  category?: string;

  @ValidateNested()
  @Type(() => LocationV1)
  location: LocationV1;

  @ValidateNested()
  @Type(() => CitizenV1)
  citizen: CitizenV1;

  @ValidateNested({ each: true })
  @Type(() => AttachmentV1)
  attachments: AttachmentV1[];

  @IsIn(Urgencies)
  urgency: Urgency;

  @IsBoolean()
  confidential: boolean;

  @IsISO8601()
  receivedAt: string;
}

export const intakeEvents = {
  ItemReceived: { version: 1, topic: 'intake', producer: 'intake', schema: ItemReceivedV1 },
} as const;
