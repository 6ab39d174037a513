import type { StaffPrincipal } from '@app/auth';
import { maskIdNumber, maskMobile, maskName } from '@app/privacy';
import { seesFullCitizen } from '../domain/item-access';
import { ItemStatusLabels } from '@app/contracts';
import type { StoredItem, TimelineEntry } from '../persistence/items.repository';
import type { CitizenDto, ItemDetailDto, ItemSummaryDto } from './item.dto';

function citizenView(item: StoredItem, actor: StaffPrincipal): CitizenDto | null {
  const c = item.state.citizen;
  if (!c) return null;
  if (seesFullCitizen(actor, item.state)) return { ...c, masked: false };
  return {
    name: maskName(c.name),
    mobile: maskMobile(c.mobile),
    idCard: maskIdNumber(c.idCard),
    anonymous: c.anonymous,
    masked: true,
  };
}

export function toItemSummary(item: StoredItem, actor: StaffPrincipal, now: Date): ItemSummaryDto {
  const s = item.state;
  return {
    itemId: s.itemId,
    receiptNo: s.receiptNo,
    status: s.status,
    statusLabel: ItemStatusLabels[s.status],
    title: s.title,
    requestType: s.requestType,
    urgency: s.urgency,
    agency: s.agency,
    unitId: s.unitId,
    workerId: s.workerId,
    citizen: citizenView(item, actor),
    receivedAt: s.receivedAt,
    deadlines: { ...item.deadlines },
    alerts: { ...s.alerts },
    offer: s.offer
      ? {
          ...s.offer,
          secondsLeft: Math.round((Date.parse(s.offer.expiresAt) - now.getTime()) / 1000),
        }
      : null,
  };
}

export function toItemDetail(
  item: StoredItem,
  timeline: readonly TimelineEntry[],
  actor: StaffPrincipal,
  now: Date,
): ItemDetailDto {
  const s = item.state;
  return {
    ...toItemSummary(item, actor, now),
    description: s.description,
    channel: s.channel,
    category: s.category,
    confidential: s.confidential,
    areaCode: s.areaCode,
    address: s.address,
    assistingUnitIds: [...s.assistingUnitIds],
    signedAt: s.signedAt,
    firstContactAt: s.firstContactAt,
    resolvedAt: s.resolvedAt,
    resolution: s.resolution,
    closedAt: s.closedAt,
    followUpResult: s.followUp?.result ?? null,
    returns: s.returns,
    redoCount: s.redoCount,
    pendingExtension: s.pendingExtension ? { ...s.pendingExtension } : null,
    timeline: timeline.map((t) => ({
      type: t.type,
      occurredAt: t.occurredAt.toISOString(),
      producer: t.producer,
      actor: t.actor,
      summary: t.summary,
    })),
  };
}
