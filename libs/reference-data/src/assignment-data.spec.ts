import { POLICE_GRIDS, gridForAddress } from './grids';
import { STAFF } from './staff-directory';
import { WORKER_PROFILES, workersOfUnit } from './worker-profiles';

describe('grids and worker profiles', () => {
  it('gives every area two police grids whose officers are workers of the area sub-bureau', () => {
    expect(POLICE_GRIDS).toHaveLength(22);
    for (const grid of POLICE_GRIDS) {
      const officer = STAFF.find((s) => s.id === grid.officerId);
      expect(officer).toMatchObject({ role: 'worker', agency: 'police' });
    }
    expect(gridForAddress('371402', '德城区运河街道某小区')?.officerId).toBe('ga-dc-02');
    expect(gridForAddress('371402', '禹城市伦镇')).toBeUndefined();
  });

  it('profiles every worker and committee member with skills, capacity and duty', () => {
    expect(workersOfUnit('ga-dc').map((w) => [w.id, w.skills.includes('*')])).toEqual([
      ['ga-dc-01', true],
      ['ga-dc-02', false],
    ]);
    expect(workersOfUnit('zfw-city').map((w) => w.id)).toEqual(['zfw01', 'zfw02']);
    expect(WORKER_PROFILES.filter((w) => !w.onDuty).map((w) => w.id)).toEqual(['ga-ll-02']);
  });
});
