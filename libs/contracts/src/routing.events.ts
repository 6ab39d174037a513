import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Agencies, type Agency } from './vocabulary';

export class AssistingPartyV1 {
  @IsIn(Agencies)
  agency: Agency;

  @IsOptional()
  @IsString()
  unitId?: string;
}

/**
 * The router's decision for one routing round: the lead agency and unit (主办), any assisting agencies (协办),
 * and why. Round 1 is the first decision; each return (退单) starts a new round excluding earlier units.
 */
export class ItemRoutedV1 {
  @IsString()
  receiptNo: string;

  @IsIn(Agencies)
  agency: Agency;

  @IsOptional()
  @IsString()
  category?: string;

  @IsOptional()
  @IsString()
  areaCode?: string;

  @IsOptional()
  @IsString()
  unitId?: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AssistingPartyV1)
  assisting: AssistingPartyV1[];

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence: number;

  @IsBoolean()
  outOfScope: boolean;

  @IsOptional()
  @IsString()
  suggestedDepartment?: string;

  @IsString()
  decisionId: string;

  @IsString()
  ruleSetVersion: string;

  @IsInt()
  @Min(1)
  round: number;

  /** Short human-readable reason, e.g. "命中 盗窃、派出所". The full explanation stays in the router. */
  @IsString()
  reason: string;

  /** Set when the item repeats an earlier case and went to the same unit. */
  @IsOptional()
  @IsString()
  repeatOfItemId?: string;
}

/** Confidence too low to decide: the item waits in the committee's triage queue (分拨待定). */
export class ItemTriagedV1 {
  @IsString()
  receiptNo: string;

  @IsString()
  reason: string;

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence: number;

  @IsString()
  decisionId: string;

  /** Best guess, shown to the triage clerk. */
  @IsOptional()
  @IsIn(Agencies)
  suggestedAgency?: Agency;
}

/** Not a political-legal matter: referred to the general 12345 platform with a suggested department (转办). */
export class ItemReferredOutV1 {
  @IsString()
  receiptNo: string;

  @IsString()
  suggestedDepartment: string;

  @IsString()
  reason: string;

  @IsString()
  decisionId: string;
}

/** A worker is offered the item to sign for (签收) before `expiresAt`. */
export class ItemOfferedV1 {
  @IsString()
  receiptNo: string;

  @IsString()
  offerId: string;

  @IsString()
  unitId: string;

  @IsString()
  workerId: string;

  @IsISO8601()
  expiresAt: string;
}

/** An offer lapsed unanswered; the router moves on to the next candidate. */
export class OfferExpiredV1 {
  @IsString()
  receiptNo: string;

  @IsString()
  offerId: string;

  @IsString()
  workerId: string;
}

/** Nobody available: the item waits in the unit's shared queue and the unit supervisor is told. */
export class ItemQueuedV1 {
  @IsString()
  receiptNo: string;

  @IsString()
  unitId: string;

  @IsString()
  reason: string;
}

/** Bounced too often between units: the committee arbitrates (仲裁). */
export class ArbitrationRequestedV1 {
  @IsString()
  receiptNo: string;

  @IsInt()
  @Min(0)
  returns: number;

  @IsString()
  reason: string;
}

export const routingEvents = {
  ItemRouted: { version: 1, topic: 'routing', producer: 'router', schema: ItemRoutedV1 },
  ItemTriaged: { version: 1, topic: 'routing', producer: 'router', schema: ItemTriagedV1 },
  ItemReferredOut: { version: 1, topic: 'routing', producer: 'router', schema: ItemReferredOutV1 },
  ItemOffered: { version: 1, topic: 'routing', producer: 'router', schema: ItemOfferedV1 },
  OfferExpired: { version: 1, topic: 'routing', producer: 'router', schema: OfferExpiredV1 },
  ItemQueued: { version: 1, topic: 'routing', producer: 'router', schema: ItemQueuedV1 },
  ArbitrationRequested: { version: 1, topic: 'routing', producer: 'router', schema: ArbitrationRequestedV1 },
} as const;
