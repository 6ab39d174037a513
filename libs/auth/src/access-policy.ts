import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiQuery, ApiSecurity } from '@nestjs/swagger';
import type { StaffRole } from './staff';

/**
 * Who may call a route. Every HTTP route declares exactly one policy; a route without one is refused
 * (deny by default), and the authorisation-matrix test reads the same metadata.
 */
export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'staff'; roles: readonly StaffRole[] }
  /** Machine-to-machine channel; the channel's own guard verifies the request signature. */
  | { kind: 'channel'; channel: string };

export const ACCESS_POLICY = 'yimen:access-policy';
export const QUERY_TOKEN = 'yimen:query-token';

/**
 * The policy as an OpenAPI extension (`x-access`) on each operation, so the route table in /api/docs-json
 * says who may call what; the authorisation-matrix test is generated from it.
 */
export const OPENAPI_ACCESS_EXTENSION = 'x-access';

const declare = (policy: AccessPolicy) =>
  applyDecorators(SetMetadata(ACCESS_POLICY, policy), ApiExtension(OPENAPI_ACCESS_EXTENSION, policy));

/** Open to anyone (citizens, health probes); rate limits still apply where the route sets them. */
export const Public = () => declare({ kind: 'public' });

/** Staff with one of these roles and a valid access token. */
export const StaffOnly = (...roles: [StaffRole, ...StaffRole[]]) =>
  applyDecorators(declare({ kind: 'staff', roles }), ApiBearerAuth());

/** A signed machine-to-machine channel such as a hotline platform. */
export const SignedChannel = (channel: string) =>
  applyDecorators(declare({ kind: 'channel', channel }), ApiSecurity('hmac'));

/**
 * The access token may also come as `?access_token=` (EventSource cannot send headers). Only for routes
 * that need it: tokens in URLs end up in logs and histories.
 */
export const AcceptsQueryToken = () =>
  applyDecorators(
    SetMetadata(QUERY_TOKEN, true),
    ApiQuery({
      name: 'access_token',
      required: false,
      description: '访问令牌（仅用于无法设置请求头的客户端）',
    }),
  );
