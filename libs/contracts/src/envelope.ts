import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Min } from 'class-validator';

/** The one envelope every event travels in. */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  eventId: string;
  type: TType;
  version: number;
  occurredAt: string;
  itemId: string;
  correlationId: string;
  causationId?: string;
  producer: ProducerName;
  payload: TPayload;
}

export const Producers = ['intake', 'router', 'tracking'] as const;
export type ProducerName = (typeof Producers)[number];

export class EnvelopeSchema {
  @IsUUID()
  eventId: string;

  @IsString()
  type: string;

  @IsInt()
  @Min(1)
  @Type(() => Number)
  version: number;

  @IsISO8601()
  occurredAt: string;

  @IsUUID()
  itemId: string;

  @IsString()
  correlationId: string;

  @IsOptional()
  @IsString()
  causationId?: string;

  @IsIn(Producers)
  producer: ProducerName;

  @IsObject()
  payload: Record<string, unknown>;
}
