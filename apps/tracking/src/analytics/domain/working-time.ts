import { isWorkday } from 'chinese-days';

/** Working time on which service levels count; injected so the SLA and rate functions stay pure. */
export interface WorkingTime {
  addWorkingMinutes(from: Date, minutes: number): Date;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const CST_OFFSET_MS = 8 * 60 * MINUTE_MS;
const DAY_START = 9 * 60;
const DAY_END = 17 * 60;
export const WORKING_MINUTES_PER_DAY = DAY_END - DAY_START;

/**
 * The Chinese official calendar (holidays and 调休 make-up working weekends from chinese-days), 09:00–17:00
 * China Standard Time. Used for the default deadlines of items whose SLA clock tracking has not reported.
 */
export const chinaWorkingTime: WorkingTime = {
  addWorkingMinutes(from: Date, minutes: number): Date {
    const local = from.getTime() + CST_OFFSET_MS;
    let day = Math.floor(local / DAY_MS);
    let minute = (local - day * DAY_MS) / MINUTE_MS;
    let remaining = minutes;
    for (let guard = 0; guard < 3660; guard += 1) {
      if (isWorkday(new Date(day * DAY_MS).toISOString().slice(0, 10))) {
        const start = Math.max(minute, DAY_START);
        if (start < DAY_END) {
          if (remaining <= DAY_END - start) {
            return new Date(day * DAY_MS + (start + remaining) * MINUTE_MS - CST_OFFSET_MS);
          }
          remaining -= DAY_END - start;
        }
      }
      day += 1;
      minute = 0;
    }
    throw new Error('working-time calculation ran past ten years');
  },
};
