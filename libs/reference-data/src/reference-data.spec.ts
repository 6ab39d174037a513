import { AREAS, areaByName } from './areas';
import { STAFF } from './staff-directory';
import { UNITS, unitFor } from './units';

describe('reference data', () => {
  it('has the 11 areas, four agency units per area and unique ids', () => {
    expect(AREAS).toHaveLength(11);
    expect(UNITS).toHaveLength(2 + 11 * 4);
    expect(new Set(UNITS.map((u) => u.id)).size).toBe(UNITS.length);
    expect(new Set(STAFF.map((s) => s.username)).size).toBe(STAFF.length);
  });

  it('finds units by agency and area, and areas by short name', () => {
    expect(unitFor('police', '371402')?.name).toBe('德城区公安分局');
    expect(areaByName('禹城')?.code).toBe('371482');
    expect(STAFF.filter((s) => s.unitId === 'fy-dc').map((s) => s.role)).toEqual([
      'supervisor',
      'worker',
      'worker',
    ]);
  });
});
