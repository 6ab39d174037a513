import type { StaffPrincipal } from '@app/auth';
import type {
  ContactMethod,
  EventType,
  FollowUpResult,
  ItemStatus,
  NoteVisibility,
  PayloadOf,
  ReturnReason,
} from '@app/contracts';
import { DomainError } from '@app/errors';
import {
  handlesConfidential,
  isHandlerOrSupervisor,
  isLeadUnitMember,
  isLeadUnitSupervisor,
} from './item-access';
import type { ItemState } from './item-state';
import { assertTransition, illegalTransition, WorkingStatuses } from './item-status';

/** An event to emit, before it gets its envelope. */
export type EventDraft = { [K in EventType]: { type: K; payload: PayloadOf<K> } }[EventType];

/** What staff can ask of an item on the task desk. Deadlines are computed by the caller (calendar + policy). */
export type ItemCommand =
  | { kind: 'sign' }
  | { kind: 'reject-offer'; reason: string }
  | { kind: 'note'; noteId: string; text: string; visibility: NoteVisibility }
  | { kind: 'contact'; method: ContactMethod; summary: string; contactedAt: string }
  | { kind: 'return'; reasonCode: ReturnReason; note?: string }
  | { kind: 'request-extension'; requestId: string; extraWorkingDays: number; reason: string }
  | { kind: 'approve-extension'; requestId: string; newDeadline: string }
  | { kind: 'resolve'; resolution: string }
  | { kind: 'reassign'; toWorkerId: string }
  | { kind: 'suspend'; reason: string }
  | { kind: 'resume'; newDeadline: string }
  | { kind: 'follow-up'; result: FollowUpResult; note?: string; redoDeadline: string };

export type ItemCommandKind = ItemCommand['kind'];

const notAllowed = (what: string, whatEn: string) =>
  new DomainError('ITEM.NOT_ALLOWED', 'forbidden', `无权${what}`, `You may not ${whatEn} this item`);

function requireWorking(state: ItemState, to: ItemStatus): void {
  if (!WorkingStatuses.includes(state.status)) throw illegalTransition(state.status, to);
}

/**
 * Decides what a staff command on an item means: the events to emit, or a DomainError
 * (ITEM.ILLEGAL_TRANSITION for a move the state machine forbids, ITEM.NOT_ALLOWED for the wrong person).
 * Pure: the caller loads the state, supplies the actor and any computed deadline, and stores the result.
 */
export function decide(state: ItemState, actor: StaffPrincipal, command: ItemCommand): EventDraft[] {
  const base = { receiptNo: state.receiptNo, by: actor.sub };
  const unitId = state.unitId ?? '';
  if (state.confidential && actor.role !== 'committee')
    throw notAllowed('处理保密诉求', 'act on this confidential');
  switch (command.kind) {
    case 'sign': {
      assertTransition(state.status, 'signed');
      const confidential = handlesConfidential(actor, state);
      if (!confidential && (actor.role !== 'worker' || actor.unitId !== state.unitId)) {
        throw notAllowed('签收', 'sign for');
      }
      const offeredTo = state.offer?.workerId ?? state.workerId;
      if (!confidential && offeredTo && offeredTo !== actor.sub)
        throw notAllowed('签收他人的待办', 'sign for');
      return [
        {
          type: 'ItemSigned',
          payload: {
            ...base,
            unitId: confidential ? (actor.unitId ?? unitId) : unitId,
            workerId: actor.sub,
            ...(state.offer ? { offerId: state.offer.offerId } : {}),
          },
        },
      ];
    }
    case 'reject-offer': {
      if (state.status !== 'offered' || !state.offer) throw illegalTransition(state.status, 'routed');
      if (state.offer.workerId !== actor.sub) throw notAllowed('拒绝他人的待办', 'reject the offer of');
      return [
        {
          type: 'OfferRejected',
          payload: { ...base, offerId: state.offer.offerId, workerId: actor.sub, reason: command.reason },
        },
      ];
    }
    case 'note': {
      requireWorking(state, state.status === 'signed' ? 'in_progress' : state.status);
      const assisting = actor.unitId !== null && state.assistingUnitIds.includes(actor.unitId);
      if (!isLeadUnitMember(actor, state) && !assisting && actor.role !== 'committee') {
        throw notAllowed('添加办理进展', 'add notes to');
      }
      return [
        {
          type: 'ItemNoteAdded',
          payload: { ...base, noteId: command.noteId, text: command.text, visibility: command.visibility },
        },
      ];
    }
    case 'contact': {
      requireWorking(state, state.status === 'signed' ? 'in_progress' : state.status);
      if (!isHandlerOrSupervisor(actor, state)) throw notAllowed('登记联系记录', 'log contacts for');
      return [
        {
          type: 'CitizenContacted',
          payload: {
            ...base,
            method: command.method,
            summary: command.summary,
            contactedAt: command.contactedAt,
          },
        },
      ];
    }
    case 'return': {
      assertTransition(state.status, 'returned');
      if (!isLeadUnitMember(actor, state) && !handlesConfidential(actor, state))
        throw notAllowed('退单', 'return');
      if (state.workerId && state.workerId !== actor.sub && !isHandlerOrSupervisor(actor, state)) {
        throw notAllowed('退回他人承办的诉求', 'return');
      }
      return [
        {
          type: 'ItemReturned',
          payload: {
            ...base,
            unitId,
            agency: (state.agency ?? 'committee') as PayloadOf<'ItemReturned'>['agency'],
            reasonCode: command.reasonCode,
            ...(command.note ? { note: command.note } : {}),
          },
        },
      ];
    }
    case 'request-extension': {
      assertTransition(state.status, 'extended');
      if (!isHandlerOrSupervisor(actor, state)) throw notAllowed('申请延期', 'request an extension for');
      if (state.pendingExtension) {
        throw new DomainError(
          'ITEM.EXTENSION_PENDING',
          'conflict',
          '已有待审批的延期申请',
          'An extension request is already pending',
        );
      }
      return [
        {
          type: 'ExtensionRequested',
          payload: {
            ...base,
            requestId: command.requestId,
            extraWorkingDays: command.extraWorkingDays,
            reason: command.reason,
          },
        },
      ];
    }
    case 'approve-extension': {
      assertTransition(state.status, 'extended');
      if (!isLeadUnitSupervisor(actor, state) && actor.role !== 'committee')
        throw notAllowed('审批延期', 'approve extensions of');
      if (state.pendingExtension?.requestId !== command.requestId) {
        throw new DomainError(
          'EXTENSION.NOT_FOUND',
          'not_found',
          '未找到该延期申请',
          'No such pending extension request',
        );
      }
      return [
        {
          type: 'ExtensionApproved',
          payload: { ...base, requestId: command.requestId, newDeadline: command.newDeadline },
        },
      ];
    }
    case 'resolve': {
      assertTransition(state.status, 'resolved');
      if (!isHandlerOrSupervisor(actor, state)) throw notAllowed('办结', 'resolve');
      return [
        {
          type: 'ItemResolved',
          payload: {
            ...base,
            unitId,
            ...(state.workerId ? { workerId: state.workerId } : {}),
            resolution: command.resolution,
          },
        },
      ];
    }
    case 'reassign': {
      if (
        [
          'resolved',
          'followed_up',
          'closed',
          'referred_out',
          'returned',
          'arbitration',
          'received',
          'triage',
        ].includes(state.status)
      ) {
        throw illegalTransition(state.status, state.status);
      }
      if (!isLeadUnitSupervisor(actor, state)) throw notAllowed('改派', 'reassign');
      return [
        {
          type: 'ItemReassigned',
          payload: {
            ...base,
            unitId,
            ...(state.workerId ? { fromWorkerId: state.workerId } : {}),
            toWorkerId: command.toWorkerId,
          },
        },
      ];
    }
    case 'suspend': {
      assertTransition(state.status, 'suspended');
      if (!isLeadUnitSupervisor(actor, state) && actor.role !== 'committee')
        throw notAllowed('挂起', 'suspend');
      return [{ type: 'ItemSuspended', payload: { ...base, reason: command.reason } }];
    }
    case 'resume': {
      const to = state.statusBeforeSuspension ?? 'in_progress';
      if (state.status !== 'suspended') throw illegalTransition(state.status, to);
      assertTransition(state.status, to);
      if (!isLeadUnitSupervisor(actor, state) && actor.role !== 'committee')
        throw notAllowed('恢复办理', 'resume');
      return [{ type: 'ItemResumed', payload: { ...base, newDeadline: command.newDeadline } }];
    }
    case 'follow-up': {
      assertTransition(state.status, 'followed_up');
      if (actor.sub === state.workerId || actor.sub === state.resolvedBy) {
        throw notAllowed('回访自己承办的诉求', 'follow up your own');
      }
      const recorded: EventDraft = {
        type: 'FollowUpRecorded',
        payload: { ...base, result: command.result, ...(command.note ? { note: command.note } : {}) },
      };
      if (command.result === 'unsatisfied') {
        return [
          recorded,
          {
            type: 'RedoOrdered',
            payload: {
              ...base,
              unitId,
              ...(state.workerId ? { workerId: state.workerId } : {}),
              newDeadline: command.redoDeadline,
            },
          },
        ];
      }
      return [recorded, { type: 'ItemClosed', payload: { ...base, unitId, outcome: command.result } }];
    }
  }
}
