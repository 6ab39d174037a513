import { RejectControlCharactersPipe } from './control-characters.pipe';
import { RequestValidationError } from './validation.pipe';

describe('RejectControlCharactersPipe', () => {
  const pipe = new RejectControlCharactersPipe();

  it('lets ordinary Chinese text, emoji, tabs and newlines through', () => {
    const body = { title: '电动车被盗 😀', description: '第一行\n第二行\t缩进', tags: ['𠮷野家'] };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });

  it('names the field holding a NUL byte or a lone surrogate', () => {
    try {
      pipe.transform({ citizen: { name: 'a\u0000b' }, list: ['ok', '\ud800'] }, { type: 'body' });
      throw new Error('expected a rejection');
    } catch (e) {
      expect(e).toBeInstanceOf(RequestValidationError);
      expect((e as RequestValidationError).problems.map((p) => p.field)).toEqual(['citizen.name', 'list[1]']);
    }
  });

  it('checks path parameters by name', () => {
    expect(() => pipe.transform('\u001b[31m', { type: 'param', data: 'receiptNo' })).toThrow(
      RequestValidationError,
    );
  });
});
