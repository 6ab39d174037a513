import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
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

/** Open to anyone (citizens, health probes); rate limits still apply where the route sets them. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Staff with one of these roles and a valid access token. */
export const StaffOnly = (...roles: [StaffRole, ...StaffRole[]]) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'staff', roles } satisfies AccessPolicy),
    ApiBearerAuth(),
  );

/** A signed machine-to-machine channel such as a hotline platform. */
export const SignedChannel = (channel: string) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'channel', channel } satisfies AccessPolicy),
    ApiSecurity('hmac'),
  );
