/** PostgreSQL's limit on bind parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/**
 * `($1, $2), ($3, $4)…` for a multi-row VALUES list: `rowCount` rows of the given columns, numbered from
 * `offset + 1`, with a cast after the columns named in `casts` (e.g. `{ envelope: 'jsonb' }`).
 */
export function valuesPlaceholders(
  rowCount: number,
  columns: readonly string[],
  options: { offset?: number; casts?: Readonly<Record<string, string>> } = {},
): string {
  const offset = options.offset ?? 0;
  const cast = columns.map((c) => (options.casts?.[c] ? `::${options.casts[c]}` : ''));
  return Array.from(
    { length: rowCount },
    (_, r) => `(${columns.map((_c, k) => `$${offset + r * columns.length + k + 1}${cast[k]}`).join(', ')})`,
  ).join(', ');
}

/** How many rows of `columnsPerRow` parameters one multi-row statement can take. */
export function rowsPerStatement(columnsPerRow: number): number {
  return Math.floor(MAX_PARAMETERS / columnsPerRow);
}

/** The rows in slices that each fit one multi-row statement (`columnsPerRow` parameters a row). */
export function parameterChunks<T>(rows: readonly T[], columnsPerRow: number): T[][] {
  const size = rowsPerStatement(columnsPerRow);
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
