import type { Agency } from '@app/contracts';

/** Staff roles (岗位): window clerk, agency worker, unit supervisor, committee (政法委) staff, administrator. */
export const StaffRoles = ['clerk', 'worker', 'supervisor', 'committee', 'admin'] as const;
export type StaffRole = (typeof StaffRoles)[number];

/** Who is calling, as carried in the access token. Every staff user belongs to one agency and one unit. */
export interface StaffPrincipal {
  /** User id. */
  sub: string;
  username: string;
  /** Display name (姓名). */
  name: string;
  role: StaffRole;
  agency: Agency;
  unitId: string | null;
}
