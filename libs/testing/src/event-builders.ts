import { randomUUID } from 'node:crypto';
import { createEvent, type EventOf } from '@app/contracts';

/** An ItemReceived event of a fresh item, for tests that need any valid event on the intake topic. */
export function anItemReceived(title: string, correlationId = 'test'): EventOf<'ItemReceived'> {
  return createEvent(
    'ItemReceived',
    randomUUID(),
    {
      receiptNo: 'YM-20261125-000001-6',
      source: { channel: 'window' },
      requestType: 'help',
      title,
      description: '测试',
      location: {},
      citizen: { anonymous: false },
      attachments: [],
      urgency: 'normal',
      confidential: false,
      receivedAt: new Date().toISOString(),
    },
    { correlationId },
  );
}

/** An ItemRouted event of an item to the police, to a unit when given, at a moment when given. */
export function anItemRouted(
  itemId: string,
  options: { unitId?: string; occurredAt?: Date; correlationId?: string } = {},
): EventOf<'ItemRouted'> {
  return createEvent(
    'ItemRouted',
    itemId,
    {
      receiptNo: 'YM-20261125-000001-6',
      agency: 'police',
      ...(options.unitId ? { unitId: options.unitId } : {}),
      assisting: [],
      confidence: 0.9,
      outOfScope: false,
      decisionId: 'd',
      ruleSetVersion: 'v',
      round: 1,
      reason: 'r',
    },
    {
      correlationId: options.correlationId ?? 'test',
      ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
    },
  );
}
