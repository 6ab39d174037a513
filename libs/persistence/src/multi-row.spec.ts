import { parameterChunks, queryInChunks, rowsPerStatement, valuesPlaceholders } from './multi-row';

describe('multi-row statements', () => {
  it('numbers placeholders row by row from the offset, with casts where asked', () => {
    expect(valuesPlaceholders(2, ['a', 'b', 'c'], { offset: 1, casts: { c: 'jsonb' } })).toBe(
      '($2, $3, $4::jsonb), ($5, $6, $7::jsonb)',
    );
    expect(valuesPlaceholders(1, ['a'])).toBe('($1)');
  });

  it('cuts rows so that no statement has more than 65,535 parameters', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => i);
    const chunks = parameterChunks(rows, 30);
    expect(chunks.map((c) => c.length)).toEqual([2184, 2184, 632]);
    expect(chunks.flat()).toEqual(rows);
    expect(parameterChunks([], 30)).toEqual([]);
    expect(rowsPerStatement(30)).toBe(2184);
  });

  it('runs one statement per slice that fits, with its VALUES list and parameters, and answers each result', async () => {
    const sent: { sql: string; parameters: unknown[] }[] = [];
    const db = {
      query: <T>(sql: string, parameters: unknown[] = []) => {
        sent.push({ sql, parameters });
        return Promise.resolve(sent.length as T);
      },
    };
    const rows = Array.from({ length: 33_000 }, (_, i) => i);
    const results = await queryInChunks(
      db,
      rows,
      ['a', 'b'],
      (n) => [n, `#${n}`],
      (values) => `INSERT INTO t (a, b) VALUES ${values}`,
      { b: 'text' },
    );
    expect(results).toEqual([1, 2]);
    expect(sent.map((s) => s.parameters.length)).toEqual([65_534, 466]);
    expect(sent[1]?.sql.startsWith('INSERT INTO t (a, b) VALUES ($1, $2::text), ($3, $4::text), ')).toBe(
      true,
    );
    expect(sent[1]?.sql.endsWith(', ($465, $466::text)')).toBe(true);
    expect(sent[1]?.parameters.slice(0, 2)).toEqual([32_767, '#32767']);
    expect(
      await queryInChunks(
        db,
        [],
        ['a'],
        (n) => [n],
        () => 'never',
      ),
    ).toEqual([]);
  });
});
