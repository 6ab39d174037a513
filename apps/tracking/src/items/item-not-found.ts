import { DomainError } from '@app/errors';

/** The one answer for an unknown item and for an item outside the caller's scope (no leak). */
export const itemNotFound = (ref: string) =>
  new DomainError('ITEM.NOT_FOUND', 'not_found', `未找到诉求 ${ref}`, `No item ${ref}`);
