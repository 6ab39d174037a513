import { errorOf } from './item-fixtures';
import { ItemStatuses, type ItemStatus } from '@app/contracts';
import { assertTransition, canTransition, Transitions } from './item-status';

const legal = new Set<string>(
  (Object.entries(Transitions) as [ItemStatus, readonly ItemStatus[]][]).flatMap(([from, tos]) =>
    tos.map((to) => `${from}->${to}`),
  ),
);
const pairs = ItemStatuses.flatMap((from) => ItemStatuses.map((to) => [from, to] as const));

describe('item state machine transitions (every pair of statuses)', () => {
  it.each(pairs)('%s → %s follows the table', (from, to) => {
    const allowed = legal.has(`${from}->${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => assertTransition(from, to)).not.toThrow();
    } else {
      expect(errorOf(() => assertTransition(from, to))).toMatchObject({
        code: 'ITEM.ILLEGAL_TRANSITION',
        messageEn: `Illegal transition from ${from} to ${to}`,
      });
    }
  });

  it('has the main line from intake to closing', () => {
    const line: ItemStatus[] = [
      'received',
      'routed',
      'offered',
      'signed',
      'in_progress',
      'resolved',
      'followed_up',
      'closed',
    ];
    for (let i = 1; i < line.length; i += 1) expect(canTransition(line[i - 1]!, line[i]!)).toBe(true);
  });

  it('closed is terminal and every status is reachable from received', () => {
    expect(Transitions.closed).toEqual([]);
    const seen = new Set<ItemStatus>(['received']);
    const queue: ItemStatus[] = ['received'];
    while (queue.length > 0) {
      for (const next of Transitions[queue.shift()!]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ItemStatuses].sort());
  });
});
