import { parameterChunks, rowsPerStatement, valuesPlaceholders } from './multi-row';

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
});
