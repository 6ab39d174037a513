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

/** What runs the statements: a TypeORM EntityManager, DataSource or QueryRunner. */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/**
 * Runs one multi-row statement per slice of `rows` that fits the parameter limit: `statement` gets the slice's
 * `VALUES` list of `columns` (with `casts`) and `toParams` gives each row's parameters in column order. Answers
 * each statement's result, in order.
 */
export async function queryInChunks<T, R = unknown>(
  db: Queryable,
  rows: readonly T[],
  columns: readonly string[],
  toParams: (row: T) => readonly unknown[],
  statement: (values: string) => string,
  casts?: Readonly<Record<string, string>>,
): Promise<R[]> {
  const results: R[] = [];
  for (const chunk of parameterChunks(rows, columns.length)) {
    const values = valuesPlaceholders(chunk.length, columns, { casts });
    results.push(await db.query<R>(statement(values), chunk.flatMap(toParams)));
  }
  return results;
}
