import { as, TrackingHarness } from '../testing/tracking.harness';
import { DeadlineSweepUseCase } from './deadline-sweep.use-case';

const supervisor = as('supervisor', 'ga-dc-sup', 'ga-dc');
const worker01 = as('worker', 'ga-dc-01', 'ga-dc');
const committee = as('committee', 'zfw01', 'zfw-city', 'committee');
const admin = as('admin', 'admin', 'zfw-city', 'committee');

/** Deadlines on the working-day calendar: the sweep's warnings, breaches, escalations and notifications. */
describe('deadline sweep (tracking on real infrastructure)', () => {
  let t: TrackingHarness;
  let sweep: DeadlineSweepUseCase;

  beforeAll(async () => {
    t = await TrackingHarness.start('tracking_sla', { SLA_SWEEP_MS: '0' });
    sweep = t.app.get(DeadlineSweepUseCase);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('warns, breaches and escalates the sign-for clock to the supervisor and then the committee', async () => {
    // Received Tuesday 2026-11-24 09:00 Beijing time: sign for by 10:00.
    const { itemId } = await t.receivedAndOffered({ receivedAt: new Date('2026-11-24T01:00:00Z') });
    const detail = await t.get(`/api/v1/items/by-id/${itemId}`, committee);
    expect(detail.body.deadlines).toEqual({
      signBy: '2026-11-24T02:00:00.000Z',
      contactBy: '2026-11-24T09:00:00.000Z', // one working day: 17:00 the same day
      resolveBy: '2026-12-02T09:00:00.000Z', // help: 7 working days
    });

    expect(await sweep.execute(new Date('2026-11-24T02:15:00Z'))).toBe(3);
    expect(await sweep.execute(new Date('2026-11-24T02:15:00Z'))).toBe(0);
    const toSupervisor = await t.get('/api/v1/notifications', supervisor);
    expect((toSupervisor.body as { kind: string }[]).map((n) => n.kind).sort()).toEqual([
      'breached',
      'escalated_supervisor',
      'warned',
    ]);
    expect((await t.get('/api/v1/notifications', committee)).body).toEqual([]);

    expect(await sweep.execute(new Date('2026-11-24T02:30:00Z'))).toBe(1);
    const toCommittee = await t.get('/api/v1/notifications?unread=true', committee);
    expect(toCommittee.body).toEqual([
      expect.objectContaining({
        itemId,
        kind: 'escalated_committee',
        message: expect.stringContaining('督办'),
      }),
    ]);
    const id = (toCommittee.body as { id: string }[])[0]?.id;
    expect((await t.post(`/api/v1/notifications/${id}/read`, committee)).status).toBe(204);
    expect((await t.get('/api/v1/notifications?unread=true', committee)).body).toEqual([]);
    expect((await t.post(`/api/v1/notifications/${id}/read`, worker01)).status).toBe(404);

    const after = await t.get(`/api/v1/items/by-id/${itemId}`, committee);
    expect(after.body.alerts).toEqual({ sign: 'escalated_committee', contact: null, resolve: null });
    expect(
      (after.body.timeline as { type: string; producer: string }[])
        .filter((e) => e.producer === 'tracking')
        .map((e) => e.type),
    ).toEqual(['DeadlineWarned', 'DeadlineBreached', 'ItemEscalated', 'ItemEscalated']);
  });

  it('stops the clocks of a suspended item', async () => {
    const { itemId } = await t.receivedAndOffered({ receivedAt: new Date('2026-11-24T01:00:00Z') });
    await t.post(`/api/v1/items/${itemId}/sign`, worker01);
    await t.post(`/api/v1/items/${itemId}/suspend`, supervisor, { reason: '等待鉴定' });
    await sweep.execute(new Date('2027-03-01T02:00:00Z'));
    const detail = await t.get(`/api/v1/items/by-id/${itemId}`, committee);
    expect(detail.body.alerts).toEqual({ sign: null, contact: null, resolve: null });
  });

  it('serves the calendar with 调休 days and lets only an administrator edit it', async () => {
    const days = await t.get('/api/v1/calendar/days?year=2026', worker01);
    expect(days.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2026-10-10', kind: 'workday' }),
        expect.objectContaining({ date: '2026-10-01', kind: 'holiday' }),
      ]),
    );
    expect((await t.put('/api/v1/calendar/days/2026-12-01', worker01, { kind: 'holiday' })).status).toBe(403);
    expect(
      (await t.put('/api/v1/calendar/days/2026-12-01', admin, { kind: 'holiday', name: '地方假日' })).status,
    ).toBe(204);
    const { itemId } = await t.receivedAndOffered({ receivedAt: new Date('2026-11-30T01:00:00Z') });
    const detail = await t.get(`/api/v1/items/by-id/${itemId}`, committee);
    // Monday 09:00 + 7 working days, one of them now a holiday: Wednesday of the next week, 17:00.
    expect(detail.body.deadlines.resolveBy).toBe('2026-12-09T09:00:00.000Z');
  });

  it('lets an administrator set an SLA policy that new items follow', async () => {
    const policies = await t.get('/api/v1/sla/policies', worker01);
    expect(policies.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ requestType: 'consultation', urgency: null, resolveDays: 3 }),
      ]),
    );
    const suggestion = {
      requestType: 'suggestion',
      signMinutes: 120,
      contactMinutes: 960,
      resolveDays: 20,
      warnRatio: 0.75,
    };
    expect((await t.put('/api/v1/sla/policies', worker01, suggestion)).status).toBe(403);
    expect((await t.put('/api/v1/sla/policies', admin, suggestion)).status).toBe(204);
    expect((await t.get('/api/v1/sla/policies', admin)).body).toContainEqual({
      ...suggestion,
      category: null,
      urgency: null,
    });
    const { itemId } = await t.receivedAndOffered({
      requestType: 'suggestion',
      receivedAt: new Date('2026-11-24T01:00:00Z'),
    });
    const detail = await t.get(`/api/v1/items/by-id/${itemId}`, committee);
    expect(detail.body.deadlines.signBy).toBe('2026-11-24T03:00:00.000Z');
  });
});
