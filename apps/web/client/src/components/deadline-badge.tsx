import { deadlineTone, formatTime, remainingText } from '../domain/deadline';

/** A deadline in its colour (green / yellow / red) with the time left. */
export function DeadlineBadge({
  dueAt,
  startedAt,
  now,
}: {
  dueAt: string | null | undefined;
  startedAt?: string | null;
  now: Date;
}) {
  const tone = deadlineTone(dueAt, now, startedAt);
  if (!dueAt || tone === 'none') return <span className="muted">无时限</span>;
  return (
    <span className={`deadline deadline-${tone}`} title={`期限 ${formatTime(dueAt)}`}>
      {remainingText(dueAt, now)}
    </span>
  );
}
