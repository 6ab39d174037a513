import type { RequestType, Urgency } from '@app/contracts';
import { WORKING_MINUTES_PER_DAY, type WorkingTime } from './working-time';

export interface Deadlines {
  sign: string;
  contact: string;
  resolve: string;
}

/** Working days to resolve, from the published hotline rules (../shared/DOMAIN.md). */
const RESOLVE_WORKING_DAYS: Record<RequestType, number> = {
  consultation: 3,
  help: 7,
  complaint: 15,
  report: 15,
  suggestion: 15,
};

/**
 * Default deadlines counted from intake (the clock starts at intake, not at sign-for): sign-for within one
 * working hour, first contact within one working day (two working hours if urgent), resolution by request
 * type. Tracking's own SLA events (warnings, breaches, extensions, resumptions, redo) override them.
 */
export function defaultDeadlines(
  receivedAt: Date,
  requestType: RequestType,
  urgency: Urgency,
  time: WorkingTime,
): Deadlines {
  const at = (minutes: number) => time.addWorkingMinutes(receivedAt, minutes).toISOString();
  return {
    sign: at(60),
    contact: at(urgency === 'urgent' ? 120 : WORKING_MINUTES_PER_DAY),
    resolve: at(RESOLVE_WORKING_DAYS[requestType] * WORKING_MINUTES_PER_DAY),
  };
}
