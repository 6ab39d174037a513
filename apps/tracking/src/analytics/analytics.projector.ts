import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnyEvent } from '@app/contracts';
import {
  findRepeatOf,
  laterRepeatsOf,
  lshKeys,
  matterFingerprint,
  matterSimilarity,
  type MatterItem,
} from '@app/similarity';
import { AnalyticsConfig } from './analytics.config';
import { emptyFacts, evolveFacts, type FactEvent } from './domain/item-facts';
import { LinkChanges } from './domain/detection-links';
import { personKeys } from './domain/person-keys';
import { deadlineRule, type DeadlineRule } from './domain/service-levels';
import {
  FactsRepository,
  type Candidate,
  type CandidateQuery,
  type ItemLookups,
  type RepeatLink,
  type StoredFacts,
} from './persistence/facts.repository';
import { loadSlaRules } from '../sla/sla-context';

const DAY_MS = 86_400_000;
/**
 * Received items whose candidates are read in one pair of statements. Each item's per-key scan skips the later
 * items of its chunk, so the work grows with the square of the chunk when they share keys (a campaign of one
 * text, replayed after an outage): chunks keep a 500-event catch-up batch from costing 500² skipped rows a band.
 */
const DETECTION_CHUNK = 32;
const RULES_TTL_MS = 60_000;

/** A hot spot's id follows from its first item, so replaying the events rebuilds the same ids. */
function hotSpotId(firstItemId: string): string {
  const h = createHash('sha1').update(`hot-spot:${firstItemId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function asMatter(f: Candidate): MatterItem | null {
  if (!f.fingerprint || !f.receivedAt) return null;
  return {
    id: f.itemId,
    personKeys: f.personKeys,
    receivedAt: new Date(f.receivedAt),
    fingerprint: f.fingerprint,
    areaCode: f.areaCode,
  };
}

/** A look-up of the item's keys among items received within `days` of it. */
function windowQuery(matter: MatterItem, keys: string[], days: number): CandidateQuery {
  const t = matter.receivedAt.getTime();
  return {
    itemId: matter.id,
    keys,
    receivedAt: matter.receivedAt,
    from: new Date(t - days * DAY_MS),
    to: new Date(t + days * DAY_MS),
  };
}

/**
 * Keeps `item_facts` up to date from any event of the catalog, inside the caller's transaction (the caller's
 * inbox makes it exactly-once). A received item is also checked for being a repeat of the same person's
 * earlier matter and for joining or forming a hot spot.
 */
@Injectable()
export class AnalyticsProjector {
  private rule: { loadedAt: number; apply: DeadlineRule } | null = null;

  constructor(
    private readonly facts: FactsRepository,
    private readonly config: AnalyticsConfig,
  ) {}

  async project(events: readonly AnyEvent[], manager: EntityManager): Promise<void> {
    const seen = new Set<string>();
    events = events.filter((e) => !seen.has(e.eventId) && seen.add(e.eventId));
    if (events.length === 0) return;
    const ids = [...new Set(events.map((e) => e.itemId))].sort();
    const current = await this.facts.lockMany(manager, ids);
    const rule = await this.deadlineRule(manager);
    const received: StoredFacts[] = [];
    for (const event of events) {
      const before = current.get(event.itemId) ?? {
        ...emptyFacts(event.itemId),
        personKeys: [],
        fingerprint: null,
      };
      const factEvent: FactEvent = event;
      let after: StoredFacts = { ...before, ...evolveFacts(before, factEvent, rule) };
      // An item is received once (intake publishes one ItemReceived per item); a stray second one with
      // another event id updates the facts but is not filed and checked again, so the key tables can be
      // filed without ON CONFLICT.
      if (event.type === 'ItemReceived' && before.receivedAt === null) {
        const p = event.payload;
        after = {
          ...after,
          personKeys: personKeys(p.citizen, this.config.CITIZEN_HASH_KEY),
          fingerprint: matterFingerprint({ title: p.title, description: p.description }),
        };
        received.push(after);
      }
      current.set(event.itemId, after);
    }
    await this.facts.saveAll(manager, [...current.values()]);
    await this.detect(
      manager,
      received.map((item) => current.get(item.itemId) ?? item),
    );
  }

  /**
   * Checks the received items for repeats and hot spots, one after another, with the candidates of a chunk of
   * them filed and read in two statements (instead of two per item: their planning and execution were most of the
   * database's work). The outcome is that of filing, reading and checking each item in turn:
   * - an item's candidates are read as after the batch's earlier items were filed and before its later ones
   *   were (FactsRepository.fileAndReadCandidates skips the later ones inside each key's LIMIT);
   * - the repeat links and hot-spot memberships that checking the earlier items sets are laid over the
   *   candidates before use (LinkChanges); nothing else of a candidate changes during the batch, nor which
   *   items are candidates (chosen by keys and times only).
   */
  private async detect(manager: EntityManager, items: readonly StoredFacts[]): Promise<void> {
    const changes = new LinkChanges();
    // Repeat links are written together at the end: what the batch's later items read of them comes from
    // `changes` anyway, and nothing else in detection reads them.
    const links = new Map<string, RepeatLink>();
    for (let start = 0; start < items.length; start += DETECTION_CHUNK) {
      const chunk = items.slice(start, start + DETECTION_CHUNK);
      const found = await this.facts.fileAndReadCandidates(
        manager,
        chunk.map((item) => this.lookups(item)),
      );
      for (const [i, item] of chunk.entries()) {
        const { samePerson, buckets } = found[i] ?? { samePerson: null, buckets: null };
        if (samePerson) this.linkRepeat(item, changes.laidOver(samePerson), changes, links);
        if (buckets) await this.joinHotSpot(manager, item, changes.laidOver(buckets), changes);
      }
    }
    await this.facts.setRepeatLinks(manager, [...links.values()]);
  }

  /**
   * The item's look-ups: the same person's items in the repeat window (none when anonymous), and its LSH
   * buckets in its area and the hot-spot window; none without a text fingerprint.
   */
  private lookups(item: StoredFacts): ItemLookups {
    const matter = asMatter(item);
    if (!matter) return { samePerson: null, buckets: null };
    const area = item.areaCode ?? '';
    const bands = [...lshKeys(matter.fingerprint.title), ...lshKeys(matter.fingerprint.full)].map(
      (k, i) => `${area}|${i < 16 ? 't' : 'f'}${k}`,
    );
    return {
      samePerson:
        item.personKeys.length === 0
          ? null
          : windowQuery(matter, item.personKeys, this.config.REPEAT_WINDOW_DAYS),
      buckets: windowQuery(matter, bands, this.config.CLUSTER_WINDOW_DAYS),
    };
  }

  /** Tracking's SLA policies and working-day calendar, re-read at most once a minute (administrators edit them). */
  private async deadlineRule(manager: EntityManager): Promise<DeadlineRule> {
    if (this.rule && Date.now() - this.rule.loadedAt < RULES_TTL_MS) return this.rule.apply;
    const { policies, calendar } = await loadSlaRules(manager);
    this.rule = { loadedAt: Date.now(), apply: deadlineRule(policies, calendar) };
    return this.rule.apply;
  }

  /**
   * Links the item to the same person's earlier matter, and the person's later items not yet linked to this
   * one (the earlier item may be recorded after the later one). Links point at the first case of a chain.
   */
  private linkRepeat(
    item: StoredFacts,
    others: readonly Candidate[],
    changes: LinkChanges,
    links: Map<string, RepeatLink>,
  ): void {
    const matter = asMatter(item);
    if (!matter) return;
    const options = { threshold: this.config.REPEAT_SIMILARITY, windowDays: this.config.REPEAT_WINDOW_DAYS };
    const matters = others.map(asMatter).filter((m): m is MatterItem => m !== null);
    const byId = new Map(others.map((f) => [f.itemId, f]));
    const match = findRepeatOf(matter, matters, options);
    const root = match ? (byId.get(match.id)?.repeatOf ?? match.id) : item.itemId;
    const link = (itemId: string, similarity: number) => {
      links.set(itemId, { itemId, root, similarity });
      changes.repeatOf(itemId, root);
    };
    if (match) link(item.itemId, match.similarity);
    for (const later of laterRepeatsOf(matter, matters, options)) {
      if (byId.get(later.id)?.repeatOf === null) link(later.id, later.similarity);
    }
  }

  /**
   * Single-linkage hot spots, incrementally: the item's similar neighbours in its area and window come from
   * the LSH buckets. If a neighbour is in a hot spot the item joins it; otherwise the item and its neighbours
   * become one once they come from enough distinct people.
   */
  private async joinHotSpot(
    manager: EntityManager,
    item: StoredFacts,
    candidates: readonly Candidate[],
    changes: LinkChanges,
  ): Promise<void> {
    const matter = asMatter(item);
    if (!matter) return;
    const neighbours = candidates.filter((f) => {
      const m = asMatter(f);
      return (
        m !== null && matterSimilarity(m.fingerprint, matter.fingerprint) >= this.config.CLUSTER_SIMILARITY
      );
    });
    if (neighbours.length === 0) return;
    const joined = neighbours.find((n) => n.clusterId !== null)?.clusterId;
    if (joined) {
      await this.facts.addToHotSpot(manager, joined, [item.itemId]);
      changes.joined([item.itemId], joined);
      return;
    }
    const members = [item, ...neighbours];
    const people = new Set(members.map((m) => m.personKeys[0] ?? m.itemId));
    if (people.size < this.config.CLUSTER_MIN_PEOPLE) return;
    const earliest = [...members].sort((x, y) => (x.receivedAt ?? '').localeCompare(y.receivedAt ?? ''))[0];
    const spot = {
      id: hotSpotId(earliest?.itemId ?? item.itemId),
      areaCode: item.areaCode,
      title: earliest?.title ?? item.title ?? '',
    };
    const memberIds = members.map((m) => m.itemId);
    await this.facts.createHotSpot(manager, spot, memberIds);
    changes.joined(memberIds, spot.id);
  }
}
