import { createEvent, type AnyEvent, type EventType, type PayloadOf } from '@app/contracts';
import type { StaffPrincipal } from '@app/auth';

/** Test-data builders for the pure domain tests (no I/O). */
export const ITEM_ID = '6f0c6f7e-3b1a-4a53-9d5b-0e6f0f1a2b3c';
export const RECEIPT = 'YM-20261124-000001-3';

let clock = Date.parse('2026-11-24T01:00:00.000Z');

export function event<T extends EventType>(type: T, payload: Omit<PayloadOf<T>, 'receiptNo'>): AnyEvent {
  clock += 60_000;
  return createEvent(type, ITEM_ID, { receiptNo: RECEIPT, ...payload } as PayloadOf<T>, {
    correlationId: 'c1',
    occurredAt: new Date(clock),
  }) as AnyEvent;
}

export const received = (overrides: Partial<PayloadOf<'ItemReceived'>> = {}) =>
  event('ItemReceived', {
    source: { channel: 'window', enteredBy: 'clerk01' },
    requestType: 'help',
    title: '电动车被盗',
    description: '昨晚被盗',
    location: { areaCode: '371402' },
    citizen: { anonymous: false, name: '张三', mobile: '13800138000' },
    attachments: [],
    urgency: 'normal',
    confidential: false,
    receivedAt: '2026-11-24T01:00:00.000Z',
    ...overrides,
  });

export const routed = (unitId = 'ga-dc', round = 1) =>
  event('ItemRouted', {
    agency: 'police',
    unitId,
    assisting: [{ agency: 'justice', unitId: 'sf-dc' }],
    round,
    confidence: 0.9,
    outOfScope: false,
    decisionId: `d${round}`,
    ruleSetVersion: 'v1',
    reason: '命中 盗窃',
  });

export const offered = (workerId = 'ga-dc-01') =>
  event('ItemOffered', {
    offerId: 'o1',
    unitId: 'ga-dc',
    workerId,
    expiresAt: '2026-11-24T02:00:00.000Z',
  });

export const signed = (workerId = 'ga-dc-01') =>
  event('ItemSigned', { by: workerId, unitId: 'ga-dc', workerId });

export const resolved = (by = 'ga-dc-01') =>
  event('ItemResolved', { by, unitId: 'ga-dc', workerId: by, resolution: '已追回' });

export function staff(role: StaffPrincipal['role'], sub: string, unitId: string | null): StaffPrincipal {
  return { sub, username: sub, name: sub, role, agency: 'police', unitId };
}

export const worker01 = staff('worker', 'ga-dc-01', 'ga-dc');
export const worker02 = staff('worker', 'ga-dc-02', 'ga-dc');
export const supervisor = staff('supervisor', 'ga-dc-sup', 'ga-dc');
export const courtWorker = staff('worker', 'fy-dc-01', 'fy-dc');
export const committee = staff('committee', 'zfw01', 'zfw-city');
export const clerk = staff('clerk', 'clerk01', 'zx-city');

/** The error a call throws (or undefined), to match its code and details. */
export function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  return undefined;
}
