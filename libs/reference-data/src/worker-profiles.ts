import { STAFF } from './staff-directory';

/** What the router needs to know about a person who can be offered items. */
export interface WorkerProfile {
  id: string;
  unitId: string;
  /** Router category ids the worker handles (`police.theft`…); `*` = every category of the agency. */
  skills: readonly string[];
  capacity: number;
  onDuty: boolean;
}

/** The second worker of each unit specialises; the first handles everything. */
const SPECIALIST_SKILLS: Record<string, readonly string[]> = {
  police: ['police.theft', 'police.fraud', 'police.fight', 'police.disorder', 'police.vice', 'police.lost'],
  procuratorate: ['procuratorate.appeal', 'procuratorate.supervision', 'procuratorate.juvenile'],
  court: ['court.filing', 'court.litigation'],
  justice: ['justice.mediation', 'justice.legal-aid', 'justice.notary', 'justice.lawyer'],
};

/** Seeded rota: everyone on duty except one worker, so tests and demos see the on-duty rule at work. */
export const OFF_DUTY_SEED: readonly string[] = ['ga-ll-02'];

export const WORKER_PROFILES: readonly WorkerProfile[] = STAFF.filter(
  (s) => s.role === 'worker' || s.role === 'committee',
).map((s) => ({
  id: s.id,
  unitId: s.unitId,
  skills: s.role === 'worker' && s.id.endsWith('-02') ? (SPECIALIST_SKILLS[s.agency] ?? ['*']) : ['*'],
  capacity: s.capacity,
  onDuty: !OFF_DUTY_SEED.includes(s.id),
}));

export function workersOfUnit(unitId: string): WorkerProfile[] {
  return WORKER_PROFILES.filter((w) => w.unitId === unitId);
}
