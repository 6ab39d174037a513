import type { WorkingCalendar } from '@app/calendar';
import { pickPolicy, type SlaPolicy } from '../../domain/sla';

export interface Deadlines {
  sign: string;
  contact: string;
  resolve: string;
}

/** What a service-level policy is chosen by, and the instant its clocks start (intake, not sign-for). */
export interface ServiceLevelItem {
  receivedAt: string;
  requestType: string | null;
  category: string | null;
  urgency: string | null;
}

/** An item's deadlines under the rules in force; pure once built. */
export type DeadlineRule = (item: ServiceLevelItem) => Deadlines;

/**
 * The deadlines tracking's SLA policies give (the same policy table, the same editable working-day calendar
 * with 调休): sign-for and first contact in working minutes, resolution in working days, all from intake.
 */
export function deadlineRule(policies: readonly SlaPolicy[], calendar: WorkingCalendar): DeadlineRule {
  return (item) => {
    const policy = pickPolicy(policies, item);
    const start = new Date(item.receivedAt);
    return {
      sign: calendar.addWorkingMinutes(start, policy.signMinutes).toISOString(),
      contact: calendar.addWorkingMinutes(start, policy.contactMinutes).toISOString(),
      resolve: calendar.addWorkingDays(start, policy.resolveDays).toISOString(),
    };
  };
}
