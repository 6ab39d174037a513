import type { StaffRole } from '@app/auth';
import type { Agency } from '@app/contracts';
import { COMMITTEE_UNIT_ID, SERVICE_CENTRE_UNIT_ID, UNITS } from './units';

/** A seeded staff account. `id` equals `username`; both are stable across environments. */
export interface StaffSeed {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  agency: Exclude<Agency, 'out_of_scope'>;
  unitId: string;
  /** Items a worker can hold at once (workers only). */
  capacity: number;
}

/**
 * Development and test password of every seeded account. Production deployments import their own users;
 * the seed is for local runs, demos and tests only.
 */
export const DEV_PASSWORD = 'Yimen@2026';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '强', '军'];
let n = 0;
const personName = () => {
  n += 1;
  return `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`;
};

function unitStaff(unitId: string, agency: StaffSeed['agency']): StaffSeed[] {
  const member = (suffix: string, role: StaffRole, capacity: number): StaffSeed => ({
    id: `${unitId}-${suffix}`,
    username: `${unitId}-${suffix}`,
    name: personName(),
    role,
    agency,
    unitId,
    capacity,
  });
  return [member('sup', 'supervisor', 0), member('01', 'worker', 20), member('02', 'worker', 20)];
}

export const STAFF: readonly StaffSeed[] = [
  ...[1, 2].map<StaffSeed>((i) => ({
    id: `clerk0${i}`,
    username: `clerk0${i}`,
    name: personName(),
    role: 'clerk',
    agency: 'committee',
    unitId: SERVICE_CENTRE_UNIT_ID,
    capacity: 0,
  })),
  ...[1, 2].map<StaffSeed>((i) => ({
    id: `zfw0${i}`,
    username: `zfw0${i}`,
    name: personName(),
    role: 'committee',
    agency: 'committee',
    unitId: COMMITTEE_UNIT_ID,
    capacity: 50,
  })),
  {
    id: 'admin',
    username: 'admin',
    name: '系统管理员',
    role: 'admin',
    agency: 'committee',
    unitId: COMMITTEE_UNIT_ID,
    capacity: 0,
  },
  ...UNITS.filter((u) => u.agency !== 'committee').flatMap((u) => unitStaff(u.id, u.agency)),
];

export function staffByUsername(username: string): StaffSeed | undefined {
  return STAFF.find((s) => s.username === username);
}
