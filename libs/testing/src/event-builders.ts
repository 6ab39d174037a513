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
