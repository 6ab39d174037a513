import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@app/errors';
import { StaffRoles, type StaffPrincipal } from './staff';

export const unauthenticated = () =>
  new DomainError('AUTH.UNAUTHENTICATED', 'unauthorized', '请先登录', 'Sign-in required');

/** Issues and verifies short-lived staff access tokens (HS256 JWT). */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  signAccess(principal: StaffPrincipal): string {
    const { sub, username, name, role, agency, unitId } = principal;
    return this.jwt.sign({ sub, username, name, role, agency, unitId, typ: 'access' });
  }

  /** The principal in a bearer token, or AUTH.UNAUTHENTICATED if missing, expired, forged or not an access token. */
  verifyAccess(token: string): StaffPrincipal {
    let claims: Record<string, unknown>;
    try {
      claims = this.jwt.verify<Record<string, unknown>>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthenticated();
    }
    const role = claims.role;
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !StaffRoles.includes(role as never)) {
      throw unauthenticated();
    }
    return {
      sub: claims.sub,
      username: String(claims.username),
      name: String(claims.name),
      role: role as StaffPrincipal['role'],
      agency: claims.agency as StaffPrincipal['agency'],
      unitId: typeof claims.unitId === 'string' ? claims.unitId : null,
    };
  }
}
