import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The browser tests drive Debian's Chromium through playwright-core (browsers cannot be downloaded here), and
 * their screenshots need a CJK font. `npm test` runs this first: it installs what is missing when this is a
 * root shell with apt, and otherwise stops saying what to install — never a silently skipped browser test.
 */
const NEEDED = [
  { pkg: 'chromium', file: '/usr/bin/chromium' },
  { pkg: 'fonts-wqy-microhei', file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' },
];

function run(command: string, args: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync(command, args, { stdio: 'inherit', env }).status === 0;
}

function main(): void {
  const missing = NEEDED.filter((n) => !existsSync(n.file)).map((n) => n.pkg);
  if (missing.length === 0) return;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (root && apt) {
    process.stderr.write(`[browser] installing ${missing.join(', ')} from Debian (once, a few minutes)…\n`);
    if (run('apt-get', ['update', '-q']) && run('apt-get', ['install', '-y', '-q', ...missing])) return;
  }
  process.stderr.write(
    `[browser] missing ${missing.join(', ')} and could not install here: run ` +
      `\`sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\`, then the tests again.\n`,
  );
  process.exit(1);
}

main();
