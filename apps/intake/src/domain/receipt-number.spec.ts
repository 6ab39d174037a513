import {
  chinaDay,
  countByDay,
  dammCheckDigit,
  formatReceiptNo,
  isValidReceiptNo,
  sequencesInBlocks,
} from './receipt-number';

describe('receipt numbers', () => {
  it('formats day, zero-padded sequence and check digit', () => {
    expect(formatReceiptNo('20261124', 123)).toMatch(/^YM-20261124-000123-\d$/);
    expect(isValidReceiptNo(formatReceiptNo('20261124', 123))).toBe(true);
  });

  it("hands out each day's block of sequence numbers in the requests' order", () => {
    const days = ['20261124', '20261125', '20261124', '20261124', '20261125'];
    expect(countByDay(days)).toEqual(
      new Map([
        ['20261124', 3],
        ['20261125', 2],
      ]),
    );
    // 20261124 raised by 3 to 10: 8, 9, 10; 20261125 (a new day) raised by 2 to 2: 1, 2
    const lastSeq = new Map([
      ['20261124', 10],
      ['20261125', 2],
    ]);
    expect(sequencesInBlocks(days, lastSeq)).toEqual([8, 1, 9, 10, 2]);
    expect(sequencesInBlocks([], new Map())).toEqual([]);
    expect(() => sequencesInBlocks(['20261126'], lastSeq)).toThrow('no sequence block for 20261126');
  });

  it('uses the China calendar day, not UTC', () => {
    expect(chinaDay(new Date('2026-11-24T16:30:00Z'))).toBe('20261125');
    expect(chinaDay(new Date('2026-11-24T15:59:59Z'))).toBe('20261124');
  });

  it('detects every single-digit error and adjacent transposition', () => {
    const body = '20261124000123';
    const check = dammCheckDigit(body);
    for (let i = 0; i < body.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === body[i]) continue;
        const typo = body.slice(0, i) + String(d) + body.slice(i + 1);
        expect(dammCheckDigit(typo)).not.toBe(check);
      }
      if (i + 1 < body.length && body[i] !== body[i + 1]) {
        const swapped = body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2);
        expect(dammCheckDigit(swapped)).not.toBe(check);
      }
    }
  });

  it('rejects malformed and mistyped numbers', () => {
    expect(isValidReceiptNo('YM-20261124-000123')).toBe(false);
    const good = formatReceiptNo('20261124', 5);
    const wrongCheck = good.slice(0, -1) + String((Number(good.slice(-1)) + 1) % 10);
    expect(isValidReceiptNo(wrongCheck)).toBe(false);
  });
});
