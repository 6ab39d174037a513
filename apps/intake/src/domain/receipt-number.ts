/**
 * Receipt numbers people can read out on the phone: `YM-20261124-000123-7` — the China-time day, the
 * sequence within that day, and a Damm check digit, which catches every single-digit error and every
 * transposition of adjacent digits.
 */
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]![Number(ch)]!;
  return interim;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The calendar day in China (UTC+8, no daylight saving) as YYYYMMDD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

export function formatReceiptNo(day: string, sequence: number): string {
  if (!/^\d{8}$/.test(day)) throw new Error(`bad day ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new Error(`bad sequence ${sequence}`);
  const seq = String(sequence).padStart(6, '0');
  return `YM-${day}-${seq}-${dammCheckDigit(day + seq)}`;
}

const RECEIPT = /^YM-(\d{8})-(\d{6})-(\d)$/;

export function isValidReceiptNo(value: string): boolean {
  const m = RECEIPT.exec(value);
  return m !== null && dammCheckDigit(m[1]! + m[2]!) === Number(m[3]);
}

/** How many sequence numbers each day needs for requests received on these days. */
export function countByDay(days: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const day of days) counts.set(day, (counts.get(day) ?? 0) + 1);
  return counts;
}

/**
 * The sequence of each request, once each day's counter was raised by its count to `lastSeq`: the day's
 * block `lastSeq - count + 1 … lastSeq`, handed out in the requests' order.
 */
export function sequencesInBlocks(days: readonly string[], lastSeq: ReadonlyMap<string, number>): number[] {
  const next = new Map<string, number>();
  for (const [day, count] of countByDay(days)) {
    const last = lastSeq.get(day);
    if (last === undefined) throw new Error(`no sequence block for ${day}`);
    next.set(day, last - count + 1);
  }
  return days.map((day) => {
    const sequence = next.get(day)!;
    next.set(day, sequence + 1);
    return sequence;
  });
}
