import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  Agencies,
  FollowUpResults,
  ReturnReasons,
  type Agency,
  type FollowUpResult,
  type ReturnReason,
} from './vocabulary';

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

export const NoteVisibilities = ['internal', 'citizen'] as const;
export type NoteVisibility = (typeof NoteVisibilities)[number];

export const ContactMethods = ['phone', 'sms', 'visit', 'other'] as const;
export type ContactMethod = (typeof ContactMethods)[number];

/** Which service-level clock an alert is about: sign-for, first contact with the citizen, resolution. */
export const DeadlineKinds = ['sign', 'contact', 'resolve'] as const;
export type DeadlineKind = (typeof DeadlineKinds)[number];
export const DeadlineKindLabels: Record<DeadlineKind, string> = {
  sign: '签收',
  contact: '首次联系',
  resolve: '办结',
};

export const EscalationLevels = ['supervisor', 'committee'] as const;
export type EscalationLevel = (typeof EscalationLevels)[number];

/** A progress note (办理进展), internal or visible to the citizen in the public status look-up. */
export class ItemNoteAddedV1 extends StaffActionV1 {
  @IsString()
  noteId: string;

  @IsIn(NoteVisibilities)
  visibility: NoteVisibility;

  @IsString()
  @MaxLength(5000)
  text: string;
}

/** The handler contacted the citizen (联系群众); the first one stops the first-contact clock. */
export class CitizenContactedV1 extends StaffActionV1 {
  @IsIn(ContactMethods)
  method: ContactMethod;

  @IsString()
  @MaxLength(2000)
  summary: string;

  @IsISO8601()
  contactedAt: string;
}

/** The handler asks for more time (延期申请); a supervisor approves it. */
export class ExtensionRequestedV1 extends StaffActionV1 {
  @IsString()
  requestId: string;

  @IsInt()
  @Min(1)
  @Max(60)
  extraWorkingDays: number;

  @IsString()
  @MaxLength(1000)
  reason: string;
}

/** Extension approved: the resolution deadline moves to `newDeadline`. */
export class ExtensionApprovedV1 extends StaffActionV1 {
  @IsString()
  requestId: string;

  @IsISO8601()
  newDeadline: string;
}

/** Suspended with approval (挂起): the clocks stop until resumed. */
export class ItemSuspendedV1 extends StaffActionV1 {
  @IsString()
  @MaxLength(1000)
  reason: string;
}

/** Resumed after a suspension; the resolution deadline is moved by the suspended working time. */
export class ItemResumedV1 extends StaffActionV1 {
  @IsISO8601()
  newDeadline: string;
}

class DeadlineAlertV1 extends StaffActionV1 {
  @IsIn(DeadlineKinds)
  kind: DeadlineKind;

  @IsISO8601()
  deadline: string;

  @IsOptional()
  @IsString()
  unitId?: string;

  @IsOptional()
  @IsString()
  workerId?: string;
}

/** Yellow warning: most of the time for a deadline is used up (预警). */
export class DeadlineWarnedV1 extends DeadlineAlertV1 {}

/** Red: a deadline passed (超期). */
export class DeadlineBreachedV1 extends DeadlineAlertV1 {}

/** Escalation (督办) of a breached item to the unit supervisor, then to the committee. */
export class ItemEscalatedV1 extends DeadlineAlertV1 {
  @IsIn(EscalationLevels)
  level: EscalationLevel;
}

/** The follow-up call's result (回访); the operator is not the handler. */
export class FollowUpRecordedV1 extends StaffActionV1 {
  @IsIn(FollowUpResults)
  result: FollowUpResult;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Unsatisfied follow-up: the same unit and worker handle the item again (重办) by `newDeadline`. */
export class RedoOrderedV1 extends StaffActionV1 {
  @IsString()
  unitId: string;

  @IsOptional()
  @IsString()
  workerId?: string;

  @IsISO8601()
  newDeadline: string;
}

/**
 * Events tracking publishes. The first six are consumed by the router (worker load, re-routing); the rest
 * carry the task desk, deadlines and follow-up to the rates and the ledger.
 */
export const trackingEvents = {
  ItemSigned: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemSignedV1 },
  OfferRejected: { version: 1, topic: 'tracking', producer: 'tracking', schema: OfferRejectedV1 },
  ItemReturned: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemReturnedV1 },
  ItemReassigned: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemReassignedV1 },
  ItemResolved: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemResolvedV1 },
  ItemClosed: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemClosedV1 },
  ItemNoteAdded: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemNoteAddedV1 },
  CitizenContacted: { version: 1, topic: 'tracking', producer: 'tracking', schema: CitizenContactedV1 },
  ExtensionRequested: { version: 1, topic: 'tracking', producer: 'tracking', schema: ExtensionRequestedV1 },
  ExtensionApproved: { version: 1, topic: 'tracking', producer: 'tracking', schema: ExtensionApprovedV1 },
  ItemSuspended: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemSuspendedV1 },
  ItemResumed: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemResumedV1 },
  DeadlineWarned: { version: 1, topic: 'tracking', producer: 'tracking', schema: DeadlineWarnedV1 },
  DeadlineBreached: { version: 1, topic: 'tracking', producer: 'tracking', schema: DeadlineBreachedV1 },
  ItemEscalated: { version: 1, topic: 'tracking', producer: 'tracking', schema: ItemEscalatedV1 },
  FollowUpRecorded: { version: 1, topic: 'tracking', producer: 'tracking', schema: FollowUpRecordedV1 },
  RedoOrdered: { version: 1, topic: 'tracking', producer: 'tracking', schema: RedoOrderedV1 },
} as const;
