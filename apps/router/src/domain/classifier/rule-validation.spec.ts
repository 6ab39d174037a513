import { DomainError } from '@app/errors';
import { toRule } from './rule-validation';

describe('toRule', () => {
  it('accepts a category rule and trims its terms', () => {
    expect(
      toRule({
        id: 'police.dogs',
        kind: 'category',
        agency: 'police',
        label: '犬只管理',
        terms: { ' 养狗 ': 3 },
      }),
    ).toEqual({
      kind: 'category',
      id: 'police.dogs',
      agency: 'police',
      label: '犬只管理',
      terms: { 养狗: 3 },
      aliases: [],
    });
  });

  it('names every problem', () => {
    try {
      toRule({ id: 'Bad Id', kind: 'category', agency: 'army', label: '', terms: { x: 99 } });
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('ROUTING.RULE_INVALID');
      expect((e as DomainError).details.map((d) => d.field)).toEqual(['id', 'label', 'terms.x', 'agency']);
    }
  });

  it('accepts a channel rule', () => {
    expect(
      toRule({
        id: 'channel.12368',
        kind: 'channel',
        agency: 'court',
        label: '12368',
        platform: '12368',
        weight: 4,
      }),
    ).toMatchObject({ kind: 'channel', platform: '12368', weight: 4 });
  });
});
