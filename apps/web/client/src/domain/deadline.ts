/** Deadline colours everywhere on the desk and dashboard: green on track, yellow nearly due, red overdue. */
export type DeadlineTone = 'green' | 'yellow' | 'red' | 'none';

/** Share of the allowed time after which an item turns yellow (tracking's sweep warns at the same point). */
export const WARNING_SHARE = 0.8;
/** Without a known start, the last day before a deadline is yellow. */
const WARNING_WINDOW_MS = 24 * 3600_000;
/** An offer to sign for runs for minutes, not days: its last ten minutes are yellow. */
export const OFFER_WARNING_MS = 10 * 60_000;

export function deadlineTone(
  dueAt: string | null | undefined,
  now: Date,
  startedAt?: string | null,
  warningWindowMs = WARNING_WINDOW_MS,
): DeadlineTone {
  if (!dueAt) return 'none';
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return 'none';
  const left = due - now.getTime();
  if (left <= 0) return 'red';
  const start = startedAt ? Date.parse(startedAt) : Number.NaN;
  if (!Number.isNaN(start) && due > start) {
    return (now.getTime() - start) / (due - start) >= WARNING_SHARE ? 'yellow' : 'green';
  }
  return left <= warningWindowMs ? 'yellow' : 'green';
}

/** "剩余 12:34", "剩余 2天3小时", "超时 5分钟" — for offers' countdowns and deadlines. */
export function remainingText(dueAt: string, now: Date): string {
  const ms = Date.parse(dueAt) - now.getTime();
  if (Number.isNaN(ms)) return '—';
  const abs = Math.abs(ms);
  const prefix = ms >= 0 ? '剩余 ' : '超时 ';
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const seconds = Math.floor((abs % 60_000) / 1000);
  if (days > 0) return `${prefix}${days}天${hours}小时`;
  if (hours > 0) return `${prefix}${hours}小时${minutes}分`;
  return `${prefix}${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** "2026-11-25 14:03" in the viewer's time zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
