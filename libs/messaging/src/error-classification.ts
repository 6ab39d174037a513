/**
 * Retry policy input: is this failure the infrastructure being away (retry until it returns) or something
 * about this particular message (bounded retries, then dead-letter)?
 */
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const TRANSIENT_PG_PREFIXES = ['08', '53', '57P', '40001', '40P01', '55P03'];
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /timeout exceeded when trying to connect/i,
  /connection is closed/i,
  /Connection terminated unexpectedly/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Client has encountered a connection error/i,
];

export function isTransientInfrastructureError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as {
    code?: unknown;
    retriable?: unknown;
    message?: unknown;
    cause?: unknown;
    name?: unknown;
  };
  if (typeof e.code === 'string') {
    if (TRANSIENT_NODE_CODES.has(e.code)) return true;
    if (TRANSIENT_PG_PREFIXES.some((p) => (e.code as string).startsWith(p))) return true;
  }
  if (typeof e.name === 'string' && e.name.startsWith('KafkaJS') && e.retriable === true) return true;
  if (typeof e.message === 'string' && TRANSIENT_MESSAGES.some((re) => re.test(e.message as string)))
    return true;
  return e.cause !== undefined && e.cause !== error ? isTransientInfrastructureError(e.cause) : false;
}
