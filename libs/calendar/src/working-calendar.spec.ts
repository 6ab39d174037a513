import { officialCalendarDays } from './official-days';
import { WorkingCalendar } from './working-calendar';

/** Local (UTC+8) wall-clock time as an instant. */
const cst = (local: string) => new Date(`${local}:00+08:00`);
const calendar = new WorkingCalendar(officialCalendarDays([2026, 2027]));

describe('WorkingCalendar on the 2026 official calendar', () => {
  it.each([
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'National Day (weekday holiday)'],
    ['2026-10-10', true, 'Saturday make-up working day'],
    ['2026-09-20', true, 'Sunday make-up working day'],
    ['2026-02-14', true, 'Spring Festival make-up Saturday'],
    ['2026-02-28', true, 'Spring Festival make-up Saturday'],
    ['2026-02-23', false, 'Spring Festival (Monday)'],
    ['2026-11-25', true, 'ordinary Wednesday'],
    ['2026-11-28', false, 'ordinary Saturday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it.each([
    ['over National Day', '2026-09-30T10:00', 1, '2026-10-08T10:00'],
    ['onto the make-up Saturday', '2026-10-09T10:00', 1, '2026-10-10T10:00'],
    ['into the Spring Festival make-up Saturday', '2026-02-13T10:00', 1, '2026-02-14T10:00'],
    ['over the Spring Festival', '2026-02-14T10:00', 1, '2026-02-24T10:00'],
    ['a 3-day consultation received on Friday evening', '2026-11-27T19:30', 3, '2026-12-02T17:00'],
    ['15 days over Mid-autumn and National Day', '2026-09-21T09:00', 15, '2026-10-16T17:00'],
  ])('adds working days %s', (_, from, days, expected) => {
    expect(calendar.addWorkingDays(cst(from), days).toISOString()).toBe(cst(expected).toISOString());
  });

  it('adds a working hour across the end of the day and the weekend', () => {
    expect(calendar.addWorkingMinutes(cst('2026-11-27T16:30'), 60).toISOString()).toBe(
      cst('2026-11-30T09:30').toISOString(),
    );
  });

  it('counts working minutes between instants, skipping nights, weekends and holidays', () => {
    expect(calendar.workingMinutesBetween(cst('2026-09-30T16:00'), cst('2026-10-08T10:00'))).toBe(120);
    expect(calendar.workingMinutesBetween(cst('2026-10-08T10:00'), cst('2026-09-30T16:00'))).toBe(0);
    const from = cst('2026-11-25T11:11');
    expect(calendar.workingMinutesBetween(from, calendar.addWorkingDays(from, 7))).toBe(7 * 480);
  });

  it('without overrides, takes Saturday and Sunday off, as the Date weekday says, on every day of 1960–2040', () => {
    const plain = new WorkingCalendar([]);
    for (let t = Date.UTC(1960, 0, 1); t < Date.UTC(2041, 0, 1); t += 86_400_000) {
      const date = new Date(t);
      const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
      if (plain.isWorkingDay(date.toISOString().slice(0, 10)) === weekend)
        throw new Error(`wrong for ${date.toISOString()}`);
    }
  });

  it('lets an edited table override the official data', () => {
    const edited = new WorkingCalendar([{ date: '2026-11-25', kind: 'holiday', name: '地方假日' }]);
    expect(edited.isWorkingDay('2026-11-25')).toBe(false);
    expect(edited.addWorkingDays(cst('2026-11-24T10:00'), 1).toISOString()).toBe(
      cst('2026-11-26T10:00').toISOString(),
    );
  });
});
