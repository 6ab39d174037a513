/**
 * MinHash signatures: a fixed-size fingerprint of a shingle set whose slot-wise agreement estimates the
 * Jaccard similarity, so stored items can be compared without keeping their full text, and LSH banding finds
 * candidate pairs among thousands of items without comparing every pair.
 */

export const SIGNATURE_SIZE = 64;

/** FNV-1a over UTF-16 code units, 32-bit. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mix (murmur3 finaliser) of a value with a seed: one independent-enough hash per slot. */
function mix(value: number, seed: number): number {
  let h = (value ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The signature of a shingle set; an empty set gives all-0xffffffff slots (similar to nothing). */
export function minhash(set: Iterable<string>, size = SIGNATURE_SIZE): number[] {
  const sig = new Array<number>(size).fill(0xffffffff);
  for (const s of set) {
    const base = fnv1a(s);
    for (let k = 0; k < size; k += 1) {
      const h = mix(base, k + 1);
      if (h < (sig[k] as number)) sig[k] = h;
    }
  }
  return sig;
}

/** Share of slots that agree: an estimate of the Jaccard similarity of the two sets. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i += 1) if (a[i] === b[i] && a[i] !== 0xffffffff) same += 1;
  return same / n;
}

/**
 * Locality-sensitive hashing keys: `bands` keys of `size / bands` slots each. Two items sharing any key are
 * candidates; with 16 bands of 4 rows a pair at Jaccard 0.5 is caught with probability ≈ 0.64, at 0.7 ≈ 0.98.
 */
export function lshKeys(signature: readonly number[], bands = 16): string[] {
  const rows = Math.floor(signature.length / bands);
  const keys: string[] = [];
  for (let b = 0; b < bands; b += 1) {
    keys.push(`${b}:${signature.slice(b * rows, (b + 1) * rows).join('.')}`);
  }
  return keys;
}
