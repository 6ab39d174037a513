import { createEvent } from '@app/contracts';
import { projectEvent } from './item-projection';

const itemId = '6f0c6f7e-3b1a-4a53-9d5b-0e6f0f1a2b3c';

describe('projectEvent', () => {
  it('projects ItemReceived as received with its facts', () => {
    const event = createEvent(
      'ItemReceived',
      itemId,
      {
        receiptNo: 'YM-20261124-000001-3',
        source: { channel: 'window' },
        requestType: 'help',
        title: '电动车被盗',
        description: '昨晚被盗',
        location: {},
        citizen: { anonymous: false },
        attachments: [],
        urgency: 'normal',
        confidential: false,
        receivedAt: '2026-11-24T01:00:00.000Z',
      },
      { correlationId: 'c1' },
    );
    const change = projectEvent(event);
    expect(change.status).toBe('received');
    expect(change.facts.title).toBe('电动车被盗');
    expect(change.timeline.eventId).toBe(event.eventId);
  });

  it('projects ItemRouted as assigned to the agency', () => {
    const event = createEvent(
      'ItemRouted',
      itemId,
      {
        receiptNo: 'YM-20261124-000001-3',
        agency: 'police',
        assisting: [],
        round: 1,
        confidence: 0.8,
        outOfScope: false,
        decisionId: 'd1',
        ruleSetVersion: 'v1',
        reason: 'matched 盗',
      },
      { correlationId: 'c1' },
    );
    expect(projectEvent(event)).toMatchObject({ status: 'assigned', facts: { agency: 'police' } });
  });
});
