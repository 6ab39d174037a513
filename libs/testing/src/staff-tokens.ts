import { JwtService } from '@nestjs/jwt';
import type { StaffPrincipal, StaffRole } from '@app/auth';

/** The signing key isolated test systems run with (see isolatedEnv). */
export const TEST_JWT_SECRET = 'test-only-secret-0123456789abcdef-0123456789';

const defaults: Record<StaffRole, Omit<StaffPrincipal, 'role'>> = {
  clerk: { sub: 'u-clerk', username: 'clerk', name: '窗口测试员', agency: 'committee', unitId: null },
  worker: { sub: 'u-worker', username: 'worker', name: '承办测试员', agency: 'police', unitId: null },
  supervisor: {
    sub: 'u-supervisor',
    username: 'supervisor',
    name: '科长测试员',
    agency: 'police',
    unitId: null,
  },
  committee: {
    sub: 'u-committee',
    username: 'committee',
    name: '政法委测试员',
    agency: 'committee',
    unitId: null,
  },
  admin: { sub: 'u-admin', username: 'admin', name: '管理员', agency: 'committee', unitId: null },
};

/** A valid staff access token for tests, signed with TEST_JWT_SECRET. */
export function staffToken(role: StaffRole, overrides: Partial<StaffPrincipal> = {}): string {
  const principal = { ...defaults[role], role, ...overrides };
  return new JwtService({ secret: TEST_JWT_SECRET }).sign(
    { ...principal, typ: 'access' },
    { algorithm: 'HS256', expiresIn: 900 },
  );
}

/** `Authorization` header for a test request. */
export function staffAuth(
  role: StaffRole,
  overrides: Partial<StaffPrincipal> = {},
): { authorization: string } {
  return { authorization: `Bearer ${staffToken(role, overrides)}` };
}
