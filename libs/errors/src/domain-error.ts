/**
 * What kind of failure a domain error is. Transports map kinds to their own status codes in one place
 * (libs/http for HTTP); domain code never knows about HTTP.
 */
export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'rate_limited'
  | 'too_large'
  | 'unavailable';

export interface ErrorDetail {
  field: string;
  rule: string;
  message: string;
}

/** A failure the domain expects and can name, with a stable code such as `ITEM.NOT_FOUND`. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    /** Chinese text for the person reading the response. */
    message: string,
    readonly messageEn: string,
    readonly details: (ErrorDetail & { messageEn?: string })[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
