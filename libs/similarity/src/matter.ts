import { lshKeys, minhash, signatureSimilarity } from './minhash';
import { shingles } from './text';

/**
 * "One matter, one kind of matter" (从解决一件事到解决一类事): the same person raising the same matter again is a
 * repeat; many people raising similar matters in one area within a window form a cluster (hot spot).
 */

/** What is kept of an item's text: MinHash signatures of its title and of title + description. */
export interface MatterFingerprint {
  title: number[];
  full: number[];
}

export function matterFingerprint(text: { title: string; description?: string }): MatterFingerprint {
  return {
    title: minhash(shingles(text.title)),
    full: minhash(shingles(`${text.title} ${text.description ?? ''}`)),
  };
}

/**
 * Similarity of two matters in [0, 1]: the larger of the title and the whole-text similarity, because a
 * repeat often restates the matter in a new title with a copied description, or in a new text under the
 * same title.
 */
export function matterSimilarity(a: MatterFingerprint, b: MatterFingerprint): number {
  return Math.max(signatureSimilarity(a.title, b.title), signatureSimilarity(a.full, b.full));
}

export interface MatterItem {
  id: string;
  /** Hashed mobile number and/or ID number of the person; empty when anonymous. */
  personKeys: readonly string[];
  receivedAt: Date;
  fingerprint: MatterFingerprint;
  areaCode?: string | null;
}

export interface RepeatOptions {
  /** Similarity at or above which the same person's item is about the same matter. */
  threshold: number;
  /** How far back an earlier item counts, in days. */
  windowDays: number;
}

const DAY_MS = 86_400_000;

/**
 * The earlier item `item` repeats, if any: same person (any shared key), received before it within the
 * window, similarity ≥ threshold. Of several, the most similar, then the earliest, so chains point to one case.
 */
export function findRepeatOf(
  item: MatterItem,
  earlier: readonly MatterItem[],
  options: RepeatOptions,
): { id: string; similarity: number } | null {
  if (item.personKeys.length === 0) return null;
  const keys = new Set(item.personKeys);
  const from = item.receivedAt.getTime() - options.windowDays * DAY_MS;
  let best: { id: string; similarity: number; at: number } | null = null;
  for (const other of earlier) {
    if (other.id === item.id) continue;
    const at = other.receivedAt.getTime();
    if (at > item.receivedAt.getTime() || at < from) continue;
    if (!other.personKeys.some((k) => keys.has(k))) continue;
    const similarity = matterSimilarity(item.fingerprint, other.fingerprint);
    if (similarity < options.threshold) continue;
    if (!best || similarity > best.similarity || (similarity === best.similarity && at < best.at)) {
      best = { id: other.id, similarity, at };
    }
  }
  return best ? { id: best.id, similarity: best.similarity } : null;
}

/**
 * Items of the same person received after `item` within the window that repeat it — for when the earlier item
 * is recorded late (events of different items are not ordered), so the link is made from either side.
 */
export function laterRepeatsOf(
  item: MatterItem,
  later: readonly MatterItem[],
  options: RepeatOptions,
): { id: string; similarity: number }[] {
  if (item.personKeys.length === 0) return [];
  const keys = new Set(item.personKeys);
  const from = item.receivedAt.getTime();
  const to = from + options.windowDays * DAY_MS;
  return later
    .filter((other) => {
      const at = other.receivedAt.getTime();
      return other.id !== item.id && at >= from && at <= to && other.personKeys.some((k) => keys.has(k));
    })
    .map((other) => ({ id: other.id, similarity: matterSimilarity(item.fingerprint, other.fingerprint) }))
    .filter((m) => m.similarity >= options.threshold);
}

export interface ClusterOptions {
  /** Similarity at or above which two items are about the same kind of matter. */
  threshold: number;
  /** Items further apart than this (days) are never linked directly. */
  windowDays: number;
  /** Distinct people (or anonymous items) a group needs to be a hot spot. */
  minPeople: number;
}

export interface MatterCluster {
  /** Member ids, earliest first. */
  itemIds: string[];
  areaCode: string | null;
  people: number;
  firstAt: Date;
  lastAt: Date;
}

/**
 * Hot spots: items of one area linked when similar within the window (single linkage over MinHash LSH
 * candidates, so thousands of items never need all pairs), kept when they come from at least `minPeople`
 * distinct people. Deterministic: clusters sorted by size, then first item.
 */
export function clusterMatters(items: readonly MatterItem[], options: ClusterOptions): MatterCluster[] {
  const sorted = [...items].sort(
    (a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id),
  );
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    let c = i;
    while (parent[c] !== r) {
      const next = parent[c] as number;
      parent[c] = r;
      c = next;
    }
    return r;
  };
  const buckets = new Map<string, number[]>();
  sorted.forEach((item, i) => {
    const area = item.areaCode ?? '';
    for (const key of [...lshKeys(item.fingerprint.title), ...lshKeys(item.fingerprint.full)]) {
      const k = `${area}|${key}`;
      const bucket = buckets.get(k);
      if (bucket) bucket.push(i);
      else buckets.set(k, [i]);
    }
  });
  const windowMs = options.windowDays * DAY_MS;
  const checked = new Set<string>();
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x += 1) {
      for (let y = x + 1; y < bucket.length; y += 1) {
        const i = bucket[x] as number;
        const j = bucket[y] as number;
        const a = sorted[i] as MatterItem;
        const b = sorted[j] as MatterItem;
        if (Math.abs(b.receivedAt.getTime() - a.receivedAt.getTime()) > windowMs) continue;
        const pair = `${i}:${j}`;
        if (checked.has(pair)) continue;
        checked.add(pair);
        if (find(i) === find(j)) continue;
        if (matterSimilarity(a.fingerprint, b.fingerprint) >= options.threshold) parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, MatterItem[]>();
  sorted.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });
  const clusters: MatterCluster[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const people = countPeople(members);
    if (people < options.minPeople) continue;
    const first = members[0] as MatterItem;
    const last = members[members.length - 1] as MatterItem;
    clusters.push({
      itemIds: members.map((m) => m.id),
      areaCode: first.areaCode ?? null,
      people,
      firstAt: first.receivedAt,
      lastAt: last.receivedAt,
    });
  }
  return clusters.sort(
    (a, b) => b.itemIds.length - a.itemIds.length || (a.itemIds[0] ?? '').localeCompare(b.itemIds[0] ?? ''),
  );
}

/** Distinct people: items sharing any person key are one person; each anonymous item counts as its own. */
function countPeople(members: readonly MatterItem[]): number {
  const seen = new Set<string>();
  let people = 0;
  for (const m of members) {
    if (m.personKeys.length === 0 || !m.personKeys.some((k) => seen.has(k))) people += 1;
    for (const k of m.personKeys) seen.add(k);
  }
  return people;
}

/** Defaults measured on the TipDM messages by `npm run dup:eval` (tools/dup-eval/METHOD.md). */
export const DEFAULT_REPEAT_OPTIONS: RepeatOptions = { threshold: 0.25, windowDays: 180 };
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { threshold: 0.35, windowDays: 30, minPeople: 3 };
