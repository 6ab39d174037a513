import type { EntityManager } from 'typeorm';
import type { ItemRoute, ItemRoutesRepository, NewOffer } from '../persistence/item-routes.repository';
import type { RouteDecisionsRepository } from '../persistence/route-decisions.repository';
import { RoutingTx } from './routing-tx';

function aRoute(itemId: string, changes: Partial<ItemRoute> = {}): ItemRoute {
  return {
    itemId,
    receiptNo: `YM-20261126-${itemId}`,
    status: 'offered',
    agency: 'police',
    category: 'theft',
    areaCode: '371402',
    gridId: null,
    unitId: 'ga-dc',
    workerId: 'ga-dc-01',
    round: 1,
    returns: 0,
    excludedUnits: [],
    excludedAgencies: [],
    triedWorkers: ['ga-dc-01'],
    scores: {},
    categories: {},
    preferredWorker: null,
    citizenKey: 'citizen-1',
    repeatOf: null,
    correlationId: 'c-1',
    ...changes,
  };
}

const anOffer = (itemId: string): NewOffer => ({
  id: `offer-${itemId}`,
  itemId,
  unitId: 'ga-dc',
  workerId: 'ga-dc-01',
  status: 'open',
  offeredAt: new Date('2026-11-26T01:00:00Z'),
  expiresAt: new Date('2026-11-26T02:00:00Z'),
});

/** Records what reaches the repositories; the database itself is covered by the router int-spec. */
function setUp(stored: { inserted?: (ids: string[]) => string[] } = {}) {
  const calls: { method: string; args: unknown[] }[] = [];
  const record =
    (method: string, answer: (...args: unknown[]) => unknown = () => undefined) =>
    (_manager: EntityManager, ...args: unknown[]) => {
      // Copies: the transaction empties its pending lists once they are written.
      calls.push({ method, args: args.map((a) => (Array.isArray(a) ? [...(a as unknown[])] : a)) });
      return Promise.resolve(answer(...args));
    };
  const routes = {
    insertMany: record('insertMany', (routes) => {
      const ids = (routes as ItemRoute[]).map((r) => r.itemId);
      return new Set(stored.inserted ? stored.inserted(ids) : ids);
    }),
    update: record('update'),
    findOpenEarlier: record('findOpenEarlier', () => ({ itemId: 'stored', unitId: 'ga-ll', workerId: null })),
    insertOffers: record('insertOffers'),
    closeOpenOffer: record('closeOpenOffer', () => undefined),
    loads: record('loads', () => new Map()),
    applyLoadChanges: record('applyLoadChanges'),
  } as unknown as ItemRoutesRepository;
  const decisions = { insertMany: record('insertMany(decisions)') } as unknown as RouteDecisionsRepository;
  const tx = new RoutingTx({} as EntityManager, routes, decisions);
  const called = (method: string) => calls.filter((c) => c.method === method);
  return { tx, called };
}

describe('RoutingTx', () => {
  it('finds a repeat among the routes of its own transaction first, the stored ones otherwise', async () => {
    const { tx, called } = setUp();
    tx.addRoute(aRoute('a', { status: 'referred', unitId: null }));
    tx.addRoute(aRoute('b', { workerId: 'ga-dc-02' }));
    await expect(tx.openEarlier('citizen-1', 'theft')).resolves.toEqual({
      itemId: 'b',
      unitId: 'ga-dc',
      workerId: 'ga-dc-02',
    });
    expect(called('findOpenEarlier')).toHaveLength(0);
    await expect(tx.openEarlier('citizen-1', 'fraud')).resolves.toMatchObject({ itemId: 'stored' });
    expect(called('findOpenEarlier')).toHaveLength(1);
  });

  it('writes a new route whole at the flush, and an existing one when it changes', async () => {
    const { tx, called } = setUp();
    const fresh = aRoute('a');
    expect(tx.addRoute(fresh)).toBe(true);
    expect(tx.addRoute(aRoute('a'))).toBe(false);
    fresh.status = 'queued';
    await tx.updateRoute(fresh);
    await tx.updateRoute(aRoute('stored'));
    expect(called('update').map((c) => (c.args[0] as ItemRoute).itemId)).toEqual(['stored']);
    await tx.flush();
    expect(called('insertMany')[0]?.args[0]).toEqual([
      expect.objectContaining({ itemId: 'a', status: 'queued' }),
    ]);
  });

  it('closes an offer made in the same transaction without the database, and writes it closed', async () => {
    const { tx, called } = setUp();
    tx.offer(anOffer('a'));
    await expect(tx.closeOpenOffer('a', 'rejected')).resolves.toMatchObject({
      id: 'offer-a',
      workerId: 'ga-dc-01',
    });
    await tx.closeOpenOffer('b', 'expired');
    expect(called('closeOpenOffer').map((c) => c.args[0])).toEqual(['b']);
    await tx.flush();
    expect(called('insertOffers')[0]?.args[0]).toEqual([
      expect.objectContaining({ id: 'offer-a', status: 'rejected' }),
    ]);
  });

  it('fails the flush when another transaction routed one of its items meanwhile', async () => {
    const { tx, called } = setUp({ inserted: (ids) => ids.filter((id) => id !== 'b') });
    tx.addRoute(aRoute('a'));
    tx.addRoute(aRoute('b'));
    await expect(tx.flush()).rejects.toThrow('item b was routed by another transaction');
    expect(called('insertMany(decisions)')).toHaveLength(0);
  });
});
