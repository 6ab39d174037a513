import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Resident set size of a process in MiB (from /proc), or undefined if it is gone. */
export function rssMiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** The pid of the process listening on a local TCP port (Linux /proc), e.g. to find a broker we did not start. */
export function pidListeningOn(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1];
      if (!local || cols[3] !== '0A') continue; // 0A = LISTEN
      if (parseInt(local.split(':')[1] ?? '', 16) === port && cols[9]) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(entry);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return undefined;
}

/** /proc/<pid>/stat's fields from the third on (state, ppid, …), or undefined if the process is gone. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after it are counted from the closing paren.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

const TICK_MS = 10; // 100 clock ticks a second
const sumTicks = (fields: string[], from: number, to: number) =>
  fields.slice(from, to + 1).reduce((sum, f) => sum + Number(f), 0) * TICK_MS;

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuMs(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields && sumTicks(fields, 11, 12);
}

const isPostgres = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres');
  } catch {
    return false;
  }
};

/**
 * The PostgreSQL server (postmaster) of a backend, if that backend is a process on this machine (a server in a
 * container or elsewhere reports a pid that means nothing here).
 */
export function localPostgresServer(backendPid: number): number | undefined {
  const parent = statFields(backendPid)?.[1];
  return isPostgres(backendPid) && parent && isPostgres(Number(parent)) ? Number(parent) : undefined;
}

/**
 * CPU time of a process and all its children so far, in ms: its own, its live children's, and that of the
 * children it has reaped (cutime/cstime) — for a PostgreSQL server, every backend and background process,
 * including connections that closed during the measurement.
 */
export function treeCpuMs(pid: number): number | undefined {
  const own = statFields(pid);
  if (!own) return undefined;
  let total = sumTicks(own, 11, 14);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields && Number(fields[1]) === pid) total += sumTicks(fields, 11, 12);
  }
  return total;
}
