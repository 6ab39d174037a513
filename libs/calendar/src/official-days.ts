import { getDayDetail } from 'chinese-days';
import type { CalendarDay } from './working-calendar';

/**
 * The State Council's holidays and 调休 make-up working days for the given years, from the `chinese-days`
 * data set: every weekday that is a holiday and every weekend day that is a working day. Seeds the editable
 * calendar table; the calendar itself never reads this at run time.
 */
export function officialCalendarDays(years: readonly number[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const year of years) {
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const weekday = new Date(t).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      const detail = getDayDetail(date);
      const name = detail.name.split(',')[1] ?? detail.name;
      if (weekend && detail.work) days.push({ date, kind: 'workday', name: `${name}调休` });
      if (!weekend && !detail.work) days.push({ date, kind: 'holiday', name });
    }
  }
  return days;
}
