import { DataSource } from 'typeorm';
import { eventually } from '@app/testing';
import { DeadlineSweepUseCase } from '../sla/deadline-sweep.use-case';
import { as, TrackingHarness } from '../testing/tracking.harness';
import { rebuildProjection } from './rebuild-projection';

const worker01 = as('worker', 'ga-dc-01', 'ga-dc');
const supervisor = as('supervisor', 'ga-dc-sup', 'ga-dc');
const committee = as('committee', 'zfw01', 'zfw-city', 'committee');

/** The projection is a function of the topics: replaying them into a fresh schema gives the same items. */
describe('tracking:rebuild (real Kafka and PostgreSQL)', () => {
  let t: TrackingHarness;

  beforeAll(async () => {
    t = await TrackingHarness.start('tracking_rebuild', { SLA_SWEEP_MS: '0' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('replays intake, routing and tracking events into an identical projection, and reports a tampered one', async () => {
    const closed = await t.receivedAndOffered();
    await t.post(`/api/v1/items/${closed.itemId}/sign`, worker01);
    await t.post(`/api/v1/items/${closed.itemId}/notes`, worker01, { text: '进展', visibility: 'citizen' });
    await t.post(`/api/v1/items/${closed.itemId}/resolve`, worker01, { resolution: '已办结' });
    await t.post(`/api/v1/items/${closed.itemId}/follow-up`, committee, { result: 'satisfied' });
    const redo = await t.receivedAndOffered({ receivedAt: new Date('2026-11-24T01:00:00Z') });
    await t.post(`/api/v1/items/${redo.itemId}/sign`, worker01);
    await t.post(`/api/v1/items/${redo.itemId}/extension-requests`, worker01, {
      extraWorkingDays: 3,
      reason: '鉴定',
    });
    const requestId = (await t.get(`/api/v1/items/by-id/${redo.itemId}`, supervisor)).body.pendingExtension
      .requestId as string;
    await t.post(`/api/v1/items/${redo.itemId}/extension-requests/${requestId}/approve`, supervisor);
    await t.post(`/api/v1/items/${redo.itemId}/resolve`, worker01, { resolution: '已办结' });
    await t.post(`/api/v1/items/${redo.itemId}/follow-up`, committee, { result: 'unsatisfied' });
    const returned = await t.receivedAndOffered({ receivedAt: new Date('2026-11-24T01:00:00Z') });
    await t.app.get(DeadlineSweepUseCase).execute(new Date('2026-11-24T03:00:00Z'));
    await t.post(`/api/v1/items/${returned.itemId}/sign`, worker01);
    await t.post(`/api/v1/items/${returned.itemId}/return`, worker01, { reasonCode: 'not_our_function' });

    const ds = t.app.get(DataSource);
    await eventually(
      'every tracking event to be published and consumed back',
      async () =>
        (
          await ds.query<{ unsent: string; pending: string }[]>(
            `SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS unsent,
                    (SELECT count(*) FROM outbox o WHERE NOT EXISTS
                       (SELECT 1 FROM processed_events p WHERE p.event_id = o.event_id)) AS pending`,
          )
        )[0],
      { accept: (r) => r?.unsent === '0' && r?.pending === '0', timeoutMs: 30_000 },
    );

    const options = {
      databaseUrl: t.env.databaseUrl,
      liveSchema: 'tracking',
      brokers: t.env.kafkaBrokers.split(','),
      topicPrefix: t.env.topicPrefix,
    };
    const report = await rebuildProjection(options);
    expect(report).toMatchObject({
      identical: true,
      differences: [],
      liveItems: 3,
      rebuiltItems: 3,
      unpublished: 0,
    });
    expect(report.rebuiltTimeline).toBe(report.liveTimeline);
    expect(report.events).toBe(report.liveTimeline);

    await ds.query(`UPDATE items SET status = 'closed' WHERE item_id = $1`, [returned.itemId]);
    const tampered = await rebuildProjection(options);
    expect(tampered.identical).toBe(false);
    expect(tampered.differences).toEqual([{ itemId: returned.itemId, what: 'status closed / returned' }]);
  });
});
