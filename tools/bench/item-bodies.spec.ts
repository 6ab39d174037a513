import { join } from 'node:path';
import { itemBodies } from './item-bodies';

const repoRoot = join(__dirname, '..', '..');

interface Body {
  title: string;
  description: string;
  citizen: { name: string; mobile: string };
  location: { areaCode: string };
}

describe('itemBodies', () => {
  it('varied: every real message once, each from its own phone, tagged by name, within intake’s limits', () => {
    const bodies = itemBodies('bench-x', 'varied', repoRoot).map((b) => JSON.parse(b) as Body);
    expect(bodies).toHaveLength(2658);
    expect(new Set(bodies.map((b) => b.citizen.name))).toEqual(new Set(['bench-x']));
    expect(new Set(bodies.map((b) => b.citizen.mobile)).size).toBe(bodies.length);
    expect(new Set(bodies.map((b) => b.title)).size).toBeGreaterThan(2000);
    expect(new Set(bodies.map((b) => b.location.areaCode)).size).toBe(11);
    for (const b of bodies) {
      expect([...b.title].length).toBeGreaterThan(0);
      expect([...b.title].length).toBeLessThanOrEqual(100);
      expect([...b.description].length).toBeGreaterThan(0);
      expect([...b.description].length).toBeLessThanOrEqual(5000);
      // eslint-disable-next-line no-control-regex
      expect(b.title + b.description).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(b.citizen.mobile).toMatch(/^139\d{8}$/);
    }
  });

  it('same: one body, the worst case for duplicate analysis', () => {
    const bodies = itemBodies('bench-x', 'same', repoRoot).map((b) => JSON.parse(b) as Body);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ title: 'bench-x', citizen: { name: 'bench-x' } });
  });
});
