/** PostgreSQL's unique_violation (23505): a row with the same unique key exists, or came first. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
