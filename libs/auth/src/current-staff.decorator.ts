import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestWithStaff } from './access.guard';
import type { StaffPrincipal } from './staff';
import { unauthenticated } from './token.service';

/** The signed-in staff member of a `@StaffOnly` route. */
export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext): StaffPrincipal => {
  const staff = context.switchToHttp().getRequest<RequestWithStaff>().staff;
  if (!staff) throw unauthenticated();
  return staff;
});
