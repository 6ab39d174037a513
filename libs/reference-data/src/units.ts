import type { Agency } from '@app/contracts';
import { AREAS } from './areas';

/** An agency's unit (承办单位): one per agency and area, plus the city-level committee and service centre. */
export interface Unit {
  /** Stable id, e.g. `ga-dc` (德城区公安分局). */
  id: string;
  name: string;
  agency: Exclude<Agency, 'out_of_scope'>;
  /** Area code, or null for city-level units. */
  areaCode: string | null;
}

type AgencyWithUnits = Exclude<Agency, 'out_of_scope' | 'committee'>;

const AGENCY_UNITS: Record<AgencyWithUnits, { prefix: string; suffix: string }> = {
  police: { prefix: 'ga', suffix: '公安分局' },
  procuratorate: { prefix: 'jc', suffix: '人民检察院' },
  court: { prefix: 'fy', suffix: '人民法院' },
  justice: { prefix: 'sf', suffix: '司法局' },
};

/** The committee's city unit: triage queue, arbitration of returns, escalations. */
export const COMMITTEE_UNIT_ID = 'zfw-city';
/** The service centre's window (窗口受理), where clerks work. */
export const SERVICE_CENTRE_UNIT_ID = 'zx-city';

export const UNITS: readonly Unit[] = [
  { id: COMMITTEE_UNIT_ID, name: '市委政法委', agency: 'committee', areaCode: null },
  { id: SERVICE_CENTRE_UNIT_ID, name: '政法服务中心窗口', agency: 'committee', areaCode: null },
  ...AREAS.flatMap((area) =>
    (Object.keys(AGENCY_UNITS) as AgencyWithUnits[]).map((agency) => ({
      id: `${AGENCY_UNITS[agency].prefix}-${area.short}`,
      name: `${area.name}${AGENCY_UNITS[agency].suffix}`,
      agency,
      areaCode: area.code,
    })),
  ),
];

export function unitById(id: string): Unit | undefined {
  return UNITS.find((u) => u.id === id);
}

/** The unit of an agency in an area (e.g. police in 德城区 → `ga-dc`). */
export function unitFor(agency: AgencyWithUnits, areaCode: string): Unit | undefined {
  return UNITS.find((u) => u.agency === agency && u.areaCode === areaCode);
}
