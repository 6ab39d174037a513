import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { ItemState } from '../domain/item-state';

/** In-process feed of item changes for the SSE stream, fed after each projection commit. */
@Injectable()
export class LiveUpdates {
  private readonly subject = new Subject<{ type: string; state: ItemState }>();

  publish(changes: readonly { type: string; state: ItemState }[]): void {
    for (const change of changes) this.subject.next(change);
  }

  get changes(): Observable<{ type: string; state: ItemState }> {
    return this.subject.asObservable();
  }
}
