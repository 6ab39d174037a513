/** Why a new password is refused (empty when acceptable). Length matters most (NIST SP 800-63B); plus mixed kinds. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if ([...password].length < 10) problems.push('至少 10 个字符');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('须同时包含字母和数字');
  if (password.toLowerCase().includes(username.toLowerCase())) problems.push('不能包含用户名');
  return problems;
}
