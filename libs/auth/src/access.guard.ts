import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@app/errors';
import { ACCESS_POLICY, QUERY_TOKEN, type AccessPolicy } from './access-policy';
import type { StaffPrincipal } from './staff';
import { TokenService, unauthenticated } from './token.service';

export type RequestWithStaff = Request & { staff?: StaffPrincipal };

/** Global guard: applies each route's AccessPolicy; routes without one are refused. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true; // Kafka handlers are inside the trust boundary.
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<RequestWithStaff>();
    if (!policy) {
      throw new DomainError(
        'AUTH.NO_POLICY',
        'forbidden',
        '该接口未配置访问策略',
        'Route has no access policy',
      );
    }
    switch (policy.kind) {
      case 'public':
      case 'channel':
        return true;
      case 'staff': {
        const inQuery = this.reflector.getAllAndOverride<boolean | undefined>(QUERY_TOKEN, [
          context.getHandler(),
          context.getClass(),
        ]);
        const staff = this.tokens.verifyAccess(accessToken(request, inQuery === true));
        request.staff = staff;
        if (!policy.roles.includes(staff.role)) {
          throw new DomainError('AUTH.FORBIDDEN', 'forbidden', '无权执行此操作', 'Not allowed for your role');
        }
        return true;
      }
    }
  }
}

function accessToken(request: Request, acceptQuery: boolean): string {
  const fromQuery = request.query.access_token;
  if (acceptQuery && !request.headers.authorization && typeof fromQuery === 'string' && fromQuery) {
    return fromQuery;
  }
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  if (!match?.[1]) throw unauthenticated();
  return match[1];
}
