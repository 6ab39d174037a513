import {
  AREAS,
  COMMITTEE_UNIT_ID,
  POLICE_GRIDS,
  areaByCode,
  areaByName,
  gridForAddress,
  unitById,
  unitFor,
  type Area,
  type PoliceGrid,
  type Unit,
} from '@app/reference-data';
import type { Agency } from '@app/contracts';
import { InScopeAgencies, type InScopeAgency } from '../classifier/rule-set';

export interface LocationInput {
  areaCode?: string;
  areaName?: string;
  address?: string;
}

export interface Placement {
  area?: Area;
  grid?: PoliceGrid;
}

/**
 * Location → area → police grid: the area from its code or name, else an area (or a grid community found in
 * only one area) named in the address; the grid from a community named in the address.
 */
export function place(location: LocationInput): Placement {
  const address = location.address ?? '';
  const area =
    (location.areaCode ? areaByCode(location.areaCode) : undefined) ??
    (location.areaName ? areaByName(location.areaName) : undefined) ??
    AREAS.find((a) => address.includes(a.name) || address.includes(a.name.slice(0, -1))) ??
    uniqueGridArea(address);
  if (!area) return {};
  return { area, grid: address ? gridForAddress(area.code, address) : undefined };
}

function uniqueGridArea(address: string): Area | undefined {
  if (!address) return undefined;
  const areas = new Set(
    POLICE_GRIDS.filter((g) => g.communities.some((c) => address.includes(c))).map((g) => g.areaCode),
  );
  return areas.size === 1 ? areaByCode([...areas][0]!) : undefined;
}

export type Target =
  | { kind: 'unit'; agency: InScopeAgency; unit: Unit; grid?: PoliceGrid; preferredWorker?: string }
  | { kind: 'triage'; reason: string; suggestedAgency?: InScopeAgency };

export interface TargetInput {
  scores: Partial<Record<Agency, number>>;
  /** The classifier's lead agency, tried first. */
  lead: InScopeAgency;
  placement: Placement;
  excludedAgencies?: readonly string[];
  excludedUnits?: readonly string[];
}

/**
 * The unit to handle an item: the lead agency's unit in the item's area (the committee is city-level), else
 * the next-best scoring agency whose unit has not returned the item. Police items in a known grid prefer the
 * grid officer. Unknown area → the committee's triage queue.
 */
export function chooseTarget(input: TargetInput): Target {
  const excludedAgencies = new Set(input.excludedAgencies ?? []);
  const excludedUnits = new Set(input.excludedUnits ?? []);
  const ranked = [
    input.lead,
    ...InScopeAgencies.filter((a) => a !== input.lead && (input.scores[a] ?? 0) > 0).sort(
      (a, b) => (input.scores[b] ?? 0) - (input.scores[a] ?? 0),
    ),
  ].filter((a) => !excludedAgencies.has(a));
  const { area, grid } = input.placement;
  for (const agency of ranked) {
    if (agency === 'committee') {
      const unit = unitById(COMMITTEE_UNIT_ID);
      if (unit && !excludedUnits.has(unit.id)) return { kind: 'unit', agency, unit };
      continue;
    }
    if (!area) return { kind: 'triage', reason: '无法确定所属区县，转政法委分拨', suggestedAgency: agency };
    const unit = unitFor(agency, area.code);
    if (!unit || excludedUnits.has(unit.id)) continue;
    if (agency === 'police' && grid)
      return { kind: 'unit', agency, unit, grid, preferredWorker: grid.officerId };
    return { kind: 'unit', agency, unit };
  }
  return {
    kind: 'triage',
    reason: '没有可分拨的承办单位（均已退单），转政法委分拨',
    suggestedAgency: input.lead,
  };
}
