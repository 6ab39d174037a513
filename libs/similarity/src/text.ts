/**
 * Text normalisation and shingling for Chinese free text. Character bigrams need no dictionary and cope with
 * the typos, missing spaces and mixed scripts of citizens' messages; the similarity functions work on them.
 */

const LITERAL_NEWLINES = /\\[nrt]/g;
const NOISE = /[\s\p{P}\p{S}]+/gu;

/** NFKC (full-width → half-width), lower case, no white space, punctuation, symbols or literal `\n`. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(LITERAL_NEWLINES, ' ').toLowerCase().replace(NOISE, '');
}

/** The set of character n-grams (default bigrams) of the normalised text; a text shorter than n is its own gram. */
export function shingles(text: string, n = 2): Set<string> {
  const chars = [...normalizeText(text)];
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length < n) {
    out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + n <= chars.length; i += 1) out.add(chars.slice(i, i + n).join(''));
  return out;
}

/** |A ∩ B| / |A ∪ B|; two empty sets are not similar (0). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** |A ∩ B| / min(|A|, |B|): high when the shorter text is (nearly) contained in the longer one. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared += 1;
  return shared / small.size;
}
