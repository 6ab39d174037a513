import type { EntityManager } from 'typeorm';
import type {
  EarlierItem,
  ItemRoute,
  ItemRoutesRepository,
  NewOffer,
  Offer,
  OfferStatus,
} from '../persistence/item-routes.repository';
import type { DecisionRow, RouteDecisionsRepository } from '../persistence/route-decisions.repository';
import { LoadLedger } from './load-ledger';

/** Statuses of an item that sits with a unit: a known repeat goes where such an item went. */
const OPEN = new Set<ItemRoute['status']>(['offered', 'assigned', 'queued']);

/**
 * What the router's moves work within: one transaction, and the writes its moves make, kept in memory and
 * written at the end in a few multi-row statements (`flush`) instead of one statement each — a batch of new
 * items was five statements an item. Reads that could see those writes look at the pending ones first: the
 * citizen's open earlier item (a repeat within the batch), an item's open offer. Routes of items that existed
 * before the transaction are read locked and updated at once, as before.
 */
export class RoutingTx {
  readonly ledger: LoadLedger;
  private readonly newRoutes = new Map<string, ItemRoute>();
  private readonly decisionRows: DecisionRow[] = [];
  private readonly offers: NewOffer[] = [];

  constructor(
    readonly manager: EntityManager,
    private readonly routes: ItemRoutesRepository,
    private readonly decisions: RouteDecisionsRepository,
  ) {
    this.ledger = new LoadLedger(manager, routes);
  }

  /** A new item's route, written at the flush; false if the item already got one in this transaction. */
  addRoute(route: ItemRoute): boolean {
    if (this.newRoutes.has(route.itemId)) return false;
    this.newRoutes.set(route.itemId, route);
    return true;
  }

  /** Writes the route's changes: a new route is written whole at the flush, an existing one now. */
  async updateRoute(route: ItemRoute): Promise<void> {
    if (this.newRoutes.get(route.itemId) === route) return;
    await this.routes.update(this.manager, route);
  }

  /** The citizen's most recent open item in this category: one routed earlier in this transaction, else stored. */
  async openEarlier(citizenKey: string, category: string): Promise<EarlierItem | undefined> {
    const pending = [...this.newRoutes.values()]
      .reverse()
      .find((r) => r.citizenKey === citizenKey && r.category === category && r.unitId && OPEN.has(r.status));
    if (pending?.unitId)
      return { itemId: pending.itemId, unitId: pending.unitId, workerId: pending.workerId };
    return this.routes.findOpenEarlier(this.manager, citizenKey, category);
  }

  recordDecision(row: DecisionRow): void {
    this.decisionRows.push(row);
  }

  offer(offer: NewOffer): void {
    this.offers.push(offer);
  }

  /** Closes the item's open offer (pending or stored) with a final status and returns it. */
  async closeOpenOffer(itemId: string, status: Exclude<OfferStatus, 'open'>): Promise<Offer | undefined> {
    const pending = this.offers.find((o) => o.itemId === itemId && o.status === 'open');
    if (!pending) return this.routes.closeOpenOffer(this.manager, itemId, status);
    pending.status = status;
    return { id: pending.id, itemId: pending.itemId, unitId: pending.unitId, workerId: pending.workerId };
  }

  /**
   * Writes what the moves left pending: routes first (decisions and offers name them), then decisions, offers
   * and worker load. A route that could not be inserted means another transaction routed the item meanwhile:
   * this one fails, and its retry skips the item.
   */
  async flush(): Promise<void> {
    const routes = [...this.newRoutes.values()];
    const inserted = await this.routes.insertMany(this.manager, routes);
    const lost = routes.find((r) => !inserted.has(r.itemId));
    if (lost) throw new Error(`item ${lost.itemId} was routed by another transaction; retrying the batch`);
    await this.decisions.insertMany(this.manager, this.decisionRows);
    await this.routes.insertOffers(this.manager, this.offers);
    await this.ledger.flush();
    this.newRoutes.clear();
    this.decisionRows.length = 0;
    this.offers.length = 0;
  }
}
