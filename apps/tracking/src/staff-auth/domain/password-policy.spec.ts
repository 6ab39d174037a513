import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long password with letters and digits', () => {
    expect(passwordProblems('qingtian-2026-yu', 'clerk01')).toEqual([]);
  });

  it.each([
    ['short', 'ab12', ['至少 10 个字符']],
    ['no digits', 'abcdefghijk', ['须同时包含字母和数字']],
    ['the username', 'xxClerk01-2026', ['不能包含用户名']],
  ])('refuses %s', (_, password, problems) => {
    expect(passwordProblems(password, 'clerk01')).toEqual(problems);
  });
});
