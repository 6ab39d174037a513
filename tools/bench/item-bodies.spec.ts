import { join } from 'node:path';
import { itemBodies } from './item-bodies';

const repoRoot = join(__dirname, '..', '..');

describe('itemBodies', () => {
  it('varied: every real message once, each from its own citizen, titled with the tag, within intake’s limits', () => {
    const bodies = itemBodies('bench-x', 'varied', repoRoot).map(
      (b) =>
        JSON.parse(b) as {
          title: string;
          description: string;
          citizen: { mobile: string };
          location: { areaCode: string };
        },
    );
    expect(bodies).toHaveLength(2658);
    expect(new Set(bodies.map((b) => b.title))).toEqual(new Set(['bench-x']));
    expect(new Set(bodies.map((b) => b.citizen.mobile)).size).toBe(bodies.length);
    expect(new Set(bodies.map((b) => b.location.areaCode)).size).toBe(11);
    for (const b of bodies) {
      expect([...b.description].length).toBeLessThanOrEqual(5000);
      // eslint-disable-next-line no-control-regex
      expect(b.description).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(b.citizen.mobile).toMatch(/^139\d{8}$/);
    }
  });

  it('same: one body, the worst case for duplicate analysis', () => {
    expect(itemBodies('bench-x', 'same', repoRoot)).toHaveLength(1);
  });
});
