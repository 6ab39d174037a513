import { Injectable } from '@nestjs/common';
import { filter, map, type Observable } from 'rxjs';
import type { StaffPrincipal } from '@app/auth';
import { canSee } from '../domain/item-access';
import { LiveUpdates } from './live-updates';

export interface LiveEvent {
  data: { type: string; itemId: string; receiptNo: string; status: string };
}

/**
 * Server-sent events for the desk: every item change the signed-in staff member may see. The access guard has
 * verified the token (header, or `?access_token=` since an EventSource cannot set headers) before streaming.
 */
@Injectable()
export class EventsStreamUseCase {
  constructor(private readonly live: LiveUpdates) {}

  execute(staff: StaffPrincipal): Observable<LiveEvent> {
    return this.live.changes.pipe(
      filter((c) => canSee(staff, c.state)),
      map((c) => ({
        data: { type: c.type, itemId: c.state.itemId, receiptNo: c.state.receiptNo, status: c.state.status },
      })),
    );
  }
}
