import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AcceptsQueryToken, OPENAPI_ACCESS_EXTENSION, Public, StaffOnly } from './access-policy';
import { AccessGuard } from './access.guard';
import { TokenService } from './token.service';

/** @nestjs/swagger's metadata key for ApiExtension (its constants are not exported). */
const API_EXTENSION = 'swagger/apiExtension';

const secret = 'unit-test-secret-0123456789abcdef-0123';
const tokens = new TokenService(new JwtService({ secret, signOptions: { expiresIn: 60 } }));
const token = tokens.signAccess({
  sub: 'zfw01',
  username: 'zfw01',
  name: '政法委',
  role: 'committee',
  agency: 'committee',
  unitId: 'zfw-city',
});

class Routes {
  @StaffOnly('committee')
  stream() {}

  @StaffOnly('committee')
  @AcceptsQueryToken()
  events() {}

  @StaffOnly('admin')
  rules() {}

  @Public()
  status() {}

  unmarked() {}
}

function contextFor(handler: keyof Routes, request: { headers: Record<string, string>; query: object }) {
  return {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('AccessGuard', () => {
  const guard = new AccessGuard(new Reflector(), tokens);
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return (e as { code?: string }).code;
    }
    return undefined;
  };

  it('lets a staff member with the role in, refuses another role, anonymous and unmarked routes', () => {
    const request = { headers: { authorization: `Bearer ${token}` }, query: {} };
    expect(guard.canActivate(contextFor('stream', request))).toBe(true);
    expect(refusal(() => guard.canActivate(contextFor('rules', request)))).toBe('AUTH.FORBIDDEN');
    expect(refusal(() => guard.canActivate(contextFor('stream', { headers: {}, query: {} })))).toBe(
      'AUTH.UNAUTHENTICATED',
    );
    expect(refusal(() => guard.canActivate(contextFor('unmarked', request)))).toBe('AUTH.NO_POLICY');
    expect(guard.canActivate(contextFor('status', { headers: {}, query: {} }))).toBe(true);
  });

  it('takes ?access_token= only on routes that accept it', () => {
    const request = { headers: {}, query: { access_token: token } };
    expect(guard.canActivate(contextFor('events', request))).toBe(true);
    expect(refusal(() => guard.canActivate(contextFor('stream', request)))).toBe('AUTH.UNAUTHENTICATED');
  });

  it('publishes each policy as the x-access OpenAPI extension', () => {
    const extension = (handler: keyof Routes) =>
      (Reflect.getMetadata(API_EXTENSION, Routes.prototype[handler]) as Record<string, unknown>)?.[
        OPENAPI_ACCESS_EXTENSION
      ];
    expect(extension('rules')).toEqual({ kind: 'staff', roles: ['admin'] });
    expect(extension('status')).toEqual({ kind: 'public' });
    expect(Reflect.getMetadata(API_EXTENSION, Routes.prototype.unmarked)).toBeUndefined();
  });
});
