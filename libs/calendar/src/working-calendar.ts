/** A day that differs from the Monday-to-Friday rule: a public holiday on a weekday, or a 调休 make-up working weekend. */
export interface CalendarDay {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  kind: 'holiday' | 'workday';
  name?: string;
}

export interface WorkingHours {
  /** Minutes after local midnight when the working day starts and ends (default 09:00–17:00). */
  startMinute: number;
  endMinute: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** China Standard Time; no daylight saving. */
const CHINA_UTC_OFFSET_MINUTES = 480;

/**
 * The Chinese working-day calendar: Monday to Friday, minus public holidays, plus 调休 make-up working
 * weekends, with working hours each day. Pure and immutable; the days come from a table administrators edit.
 * Durations count working minutes, so "3 working days" from Monday 10:00 ends Thursday 10:00.
 */
export class WorkingCalendar {
  /** Overridden days by day number (days since 1970-01-01), so the loops below build no dates or strings. */
  private readonly overrides: ReadonlyMap<number, CalendarDay['kind']>;
  readonly hours: WorkingHours;
  readonly utcOffsetMinutes: number;

  constructor(
    days: readonly CalendarDay[],
    hours: WorkingHours = { startMinute: 9 * 60, endMinute: 17 * 60 },
    utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES,
  ) {
    if (hours.endMinute <= hours.startMinute) throw new Error('working hours must end after they start');
    this.overrides = new Map(days.map((d) => [dayNumber(d.date), d.kind]));
    this.hours = hours;
    this.utcOffsetMinutes = utcOffsetMinutes;
  }

  /** Working minutes in one working day. */
  get minutesPerDay(): number {
    return this.hours.endMinute - this.hours.startMinute;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dayNumber(date));
  }

  private isWorkingDayNumber(day: number): boolean {
    const override = this.overrides.get(day);
    if (override) return override === 'workday';
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 is Sunday, as getUTCDay
    return weekday !== 0 && weekday !== 6;
  }

  /** The instant `minutes` working minutes after `from`. */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (minutes <= 0) return new Date(from.getTime());
    let { day, minute } = this.local(from);
    let remaining = minutes;
    for (let guard = 0; guard < 3660; guard += 1) {
      if (this.isWorkingDayNumber(day)) {
        const start = Math.max(minute, this.hours.startMinute);
        if (start < this.hours.endMinute) {
          const available = this.hours.endMinute - start;
          if (remaining <= available) return this.instant(day, start + remaining);
          remaining -= available;
        }
      }
      day += 1;
      minute = 0;
    }
    throw new Error('working-time calculation ran past ten years');
  }

  addWorkingDays(from: Date, days: number): Date {
    return this.addWorkingMinutes(from, days * this.minutesPerDay);
  }

  /** Working minutes between two instants (0 if `to` is not after `from`). */
  workingMinutesBetween(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    const a = this.local(from);
    const b = this.local(to);
    let total = 0;
    for (let day = a.day; day <= b.day; day += 1) {
      if (!this.isWorkingDayNumber(day)) continue;
      const lo = Math.max(this.hours.startMinute, day === a.day ? a.minute : 0);
      const hi = Math.min(this.hours.endMinute, day === b.day ? b.minute : 24 * 60);
      if (hi > lo) total += hi - lo;
    }
    return Math.round(total);
  }

  private local(t: Date): { day: number; minute: number } {
    const ms = t.getTime() + this.utcOffsetMinutes * MINUTE_MS;
    const day = Math.floor(ms / DAY_MS);
    return { day, minute: (ms - day * DAY_MS) / MINUTE_MS };
  }

  private instant(day: number, minute: number): Date {
    return new Date(day * DAY_MS + minute * MINUTE_MS - this.utcOffsetMinutes * MINUTE_MS);
  }
}

/** `YYYY-MM-DD` as days since 1970-01-01. */
function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}
