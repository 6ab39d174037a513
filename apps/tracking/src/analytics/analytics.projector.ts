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
import { personKeys } from './domain/person-keys';
import { deadlineRule, type DeadlineRule } from './domain/service-levels';
import { FactsRepository, type Candidate, type StoredFacts } from './persistence/facts.repository';
import { loadSlaRules } from '../sla/sla-context';

const DAY_MS = 86_400_000;
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
    const ids = [...new Set(events.map((e) => e.itemId))];
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
      if (event.type === 'ItemReceived') {
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
    for (const item of received) {
      const latest = current.get(item.itemId) ?? item;
      await this.linkRepeat(manager, latest);
      await this.joinHotSpot(manager, latest);
    }
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
  private async linkRepeat(manager: EntityManager, item: StoredFacts): Promise<void> {
    const matter = asMatter(item);
    if (!matter || item.personKeys.length === 0) return;
    const options = { threshold: this.config.REPEAT_SIMILARITY, windowDays: this.config.REPEAT_WINDOW_DAYS };
    const t = matter.receivedAt.getTime();
    const others = await this.facts.samePerson(manager, {
      itemId: item.itemId,
      keys: item.personKeys,
      receivedAt: matter.receivedAt,
      from: new Date(t - options.windowDays * DAY_MS),
      to: new Date(t + options.windowDays * DAY_MS),
    });
    const matters = others.map(asMatter).filter((m): m is MatterItem => m !== null);
    const byId = new Map(others.map((f) => [f.itemId, f]));
    const match = findRepeatOf(matter, matters, options);
    const root = match ? (byId.get(match.id)?.repeatOf ?? match.id) : item.itemId;
    if (match) await this.facts.setRepeatOf(manager, item.itemId, root, match.similarity);
    for (const later of laterRepeatsOf(matter, matters, options)) {
      if (byId.get(later.id)?.repeatOf === null) {
        await this.facts.setRepeatOf(manager, later.id, root, later.similarity);
      }
    }
  }

  /**
   * Single-linkage hot spots, incrementally: the item's similar neighbours in its area and window come from
   * the LSH buckets. If a neighbour is in a hot spot the item joins it; otherwise the item and its neighbours
   * become one once they come from enough distinct people.
   */
  private async joinHotSpot(manager: EntityManager, item: StoredFacts): Promise<void> {
    const matter = asMatter(item);
    if (!matter) return;
    const area = item.areaCode ?? '';
    const keys = [...lshKeys(matter.fingerprint.title), ...lshKeys(matter.fingerprint.full)].map(
      (k, i) => `${area}|${i < 16 ? 't' : 'f'}${k}`,
    );
    const windowMs = this.config.CLUSTER_WINDOW_DAYS * DAY_MS;
    const t = matter.receivedAt.getTime();
    const candidates = await this.facts.bucketNeighbours(manager, {
      itemId: item.itemId,
      keys,
      receivedAt: matter.receivedAt,
      from: new Date(t - windowMs),
      to: new Date(t + windowMs),
    });
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
      return;
    }
    const members = [item, ...neighbours];
    const people = new Set(members.map((m) => m.personKeys[0] ?? m.itemId));
    if (people.size < this.config.CLUSTER_MIN_PEOPLE) return;
    const earliest = [...members].sort((x, y) => (x.receivedAt ?? '').localeCompare(y.receivedAt ?? ''))[0];
    await this.facts.createHotSpot(
      manager,
      {
        id: hotSpotId(earliest?.itemId ?? item.itemId),
        areaCode: item.areaCode,
        title: earliest?.title ?? item.title ?? '',
      },
      members.map((m) => m.itemId),
    );
  }
}
