import { Injectable } from '@nestjs/common';
import {
  AgencyLabels,
  ItemStatusLabels,
  RequestTypeLabels,
  type Agency,
  type RequestType,
} from '@app/contracts';
import { itemNotFound } from '../items/item-not-found';
import { ItemsRepository, type TimelineEntry } from '../persistence/items.repository';
import type { PublicProgressDto, PublicStatusDto } from './public-status.dto';

/** Timeline events a citizen sees, with their Chinese labels. Internal steps (offers, alerts…) stay hidden. */
const MILESTONES: Record<string, string> = {
  ItemReceived: '已受理',
  ItemRouted: '已分派承办单位',
  ItemReferredOut: '已转交 12345 热线平台办理',
  ItemSigned: '承办人已签收',
  CitizenContacted: '承办人已与您联系',
  ExtensionApproved: '办理期限已延长',
  ItemSuspended: '暂停办理',
  ItemResumed: '恢复办理',
  ItemResolved: '已答复办结',
  FollowUpRecorded: '已回访',
  RedoOrdered: '重新办理',
  ItemClosed: '已关闭',
};

function progressOf(entry: TimelineEntry): PublicProgressDto | null {
  if (entry.type === 'ItemNoteAdded') {
    if (entry.summary.visibility !== 'citizen') return null;
    return { at: entry.occurredAt.toISOString(), label: '办理进展', text: String(entry.summary.text) };
  }
  const label = MILESTONES[entry.type];
  return label ? { at: entry.occurredAt.toISOString(), label, text: null } : null;
}

/**
 * The citizens' look-up by receipt number and the last four digits of the phone number they gave. A wrong
 * phone number gets the same 404 as an unknown receipt, so receipts cannot be probed for existence.
 */
@Injectable()
export class PublicStatusUseCase {
  constructor(private readonly items: ItemsRepository) {}

  async execute(receiptNo: string, phoneLast4: string): Promise<PublicStatusDto> {
    const item = await this.items.findByReceiptNo(receiptNo);
    const mobile = item?.state.citizen?.mobile ?? '';
    if (!item || mobile.length < 4 || !mobile.endsWith(phoneLast4)) throw itemNotFound(receiptNo);
    const s = item.state;
    const timeline = await this.items.timelineOf(s.itemId);
    return {
      receiptNo: s.receiptNo,
      status: s.status,
      statusLabel: ItemStatusLabels[s.status],
      agencyLabel: s.agency ? (AgencyLabels[s.agency as Agency] ?? null) : null,
      requestTypeLabel: s.requestType ? (RequestTypeLabels[s.requestType as RequestType] ?? null) : null,
      title: s.title,
      receivedAt: s.receivedAt,
      resolveBy: item.deadlines.resolveBy,
      resolvedAt: s.resolvedAt,
      closedAt: s.closedAt,
      resolution: s.resolution,
      progress: timeline.map(progressOf).filter((p): p is PublicProgressDto => p !== null),
    };
  }
}
