import { deadlineTone, OFFER_WARNING_MS, remainingText } from './deadline';

describe('deadline colours', () => {
  const now = new Date('2026-11-25T10:00:00Z');

  it.each([
    ['no deadline', undefined, undefined, 'none'],
    ['past due', '2026-11-25T09:59:59Z', undefined, 'red'],
    ['due exactly now', '2026-11-25T10:00:00Z', undefined, 'red'],
    ['three days left, start unknown', '2026-11-28T10:00:00Z', undefined, 'green'],
    ['two hours left, start unknown', '2026-11-25T12:00:00Z', undefined, 'yellow'],
    ['half the time used', '2026-11-27T10:00:00Z', '2026-11-23T10:00:00Z', 'green'],
    ['80 % of the time used', '2026-11-26T10:00:00Z', '2026-11-21T10:00:00Z', 'yellow'],
  ] as const)('%s → %s', (_, due, start, tone) => {
    expect(deadlineTone(due, now, start)).toBe(tone);
  });

  it('gives an offer to sign for ten yellow minutes', () => {
    expect(deadlineTone('2026-11-25T10:29:00Z', now, null, OFFER_WARNING_MS)).toBe('green');
    expect(deadlineTone('2026-11-25T10:09:00Z', now, null, OFFER_WARNING_MS)).toBe('yellow');
  });

  it('counts down in minutes and seconds under an hour, and says how late an overdue item is', () => {
    expect(remainingText('2026-11-25T10:12:05Z', now)).toBe('剩余 12:05');
    expect(remainingText('2026-11-27T13:00:00Z', now)).toBe('剩余 2天3小时');
    expect(remainingText('2026-11-25T09:55:00Z', now)).toBe('超时 05:00');
  });
});
