import { AgencyLabels, type AnyEvent } from '@app/contracts';
import { unitById } from '@app/reference-data';

/** What intake keeps of an item's life downstream, to answer platforms (Open311) that ask about it. */
export interface ProgressUpdate {
  /** Set by events that open or close the item; absent leaves the status as it is. */
  status?: 'open' | 'closed';
  /** Who handles the item, as a platform may be told (agency or unit name). */
  agencyResponsible?: string;
  /** One line for the platform, e.g. 已分拨至 德城区公安分局. */
  notes?: string;
}

/** The progress an event announces, or undefined for events that change nothing a platform sees. */
export function progressOf(event: AnyEvent): ProgressUpdate | undefined {
  switch (event.type) {
    case 'ItemRouted': {
      const p = event.payload;
      const who = (p.unitId && unitById(p.unitId)?.name) || AgencyLabels[p.agency];
      return { status: 'open', agencyResponsible: who, notes: `已分拨至 ${who}` };
    }
    case 'ItemReferredOut':
      return {
        status: 'open',
        agencyResponsible: event.payload.suggestedDepartment,
        notes: `非政法事项，已转办 ${event.payload.suggestedDepartment}`,
      };
    case 'ItemTriaged':
      return { status: 'open', notes: '分拨待定，等待人工分拨' };
    case 'ItemSigned':
      return { status: 'open', notes: '承办人已签收，正在办理' };
    case 'ItemResolved':
      return { status: 'open', notes: '已答复办结，等待回访' };
    case 'ItemClosed':
      return { status: 'closed', notes: '已办结关闭' };
    default:
      return undefined;
  }
}
