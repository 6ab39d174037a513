import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Agencies, type Agency } from './vocabulary';

export const ReturnReasons = ['wrong_area', 'not_our_function', 'incomplete'] as const;
export type ReturnReason = (typeof ReturnReasons)[number];
export const ReturnReasonLabels: Record<ReturnReason, string> = {
  wrong_area: '属地不符',
  not_our_function: '职能不符',
  incomplete: '信息不全',
};

class StaffActionV1 {
  @IsString()
  receiptNo: string;

  /** Staff user who acted. */
  @IsString()
  by: string;
}

/** The worker signed for the item (签收); it is theirs now. */
export class ItemSignedV1 extends StaffActionV1 {
  @IsString()
  unitId: string;

  @IsString()
  workerId: string;

  @IsOptional()
  @IsString()
  offerId?: string;
}

/** The offered worker declined; the router offers it to the next candidate. */
export class OfferRejectedV1 extends StaffActionV1 {
  @IsString()
  offerId: string;

  @IsString()
  workerId: string;

  @IsString()
  @MaxLength(500)
  reason: string;
}

/** Returned as misrouted (退单); the router re-routes excluding `unitId`. */
export class ItemReturnedV1 extends StaffActionV1 {
  @IsString()
  unitId: string;

  @IsIn(Agencies)
  agency: Agency;

  @IsIn(ReturnReasons)
  reasonCode: ReturnReason;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** A supervisor moved the item to another worker of the unit. */
export class ItemReassignedV1 extends StaffActionV1 {
  @IsString()
  unitId: string;

  @IsOptional()
  @IsString()
  fromWorkerId?: string;

  @IsString()
  toWorkerId: string;
}

/** Replied and resolved (答复/办结): the worker's load goes down. */
export class ItemResolvedV1 extends StaffActionV1 {
  @IsString()
  unitId: string;

  @IsOptional()
  @IsString()
  workerId?: string;

  @IsString()
  @MaxLength(5000)
  resolution: string;
}

/** Closed after follow-up (关闭) — or closed as referred out / merged into another case. */
export class ItemClosedV1 extends StaffActionV1 {
  @IsOptional()
  @IsString()
  unitId?: string;

  @IsString()
  outcome: string;
}

/**
 * Events tracking publishes. The ones above are consumed by the router (worker load, re-routing); tracking
 * adds its own (notes, deadlines, follow-up…) below.
 */
export const trackingEvents = {
  ItemSigned: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemSignedV1 },
  OfferRejected: { version: 1, topic: 'tracking', producer: 'tracking', schema: OfferRejectedV1 },
  ItemReturned: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemReturnedV1 },
  ItemReassigned: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemReassignedV1 },
  ItemResolved: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemResolvedV1 },
  ItemClosed: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemClosedV1 },
} as const;
