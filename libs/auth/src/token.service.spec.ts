import { JwtService } from '@nestjs/jwt';
import { TokenService } from './token.service';
import type { StaffPrincipal } from './staff';

const secret = 'unit-test-secret-0123456789abcdef-0123';
const principal: StaffPrincipal = {
  sub: 'u1',
  username: 'li',
  name: '李四',
  role: 'worker',
  agency: 'court',
  unitId: 'unit-1',
};

describe('TokenService', () => {
  const service = new TokenService(new JwtService({ secret, signOptions: { expiresIn: 60 } }));

  it('round-trips a principal', () => {
    expect(service.verifyAccess(service.signAccess(principal))).toEqual(principal);
  });

  it.each([
    ['garbage', 'abc.def.ghi'],
    ['another key', new JwtService({ secret: `${secret}-other` }).sign({ ...principal, typ: 'access' })],
    ['not an access token', new JwtService({ secret }).sign({ ...principal, typ: 'refresh' })],
    ['unknown role', new JwtService({ secret }).sign({ ...principal, role: 'root', typ: 'access' })],
    ['expired', new JwtService({ secret }).sign({ ...principal, typ: 'access' }, { expiresIn: -10 })],
  ])('refuses %s as AUTH.UNAUTHENTICATED', (_, token) => {
    let error: unknown;
    try {
      service.verifyAccess(token);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });
});
