import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createEvent, type AnyEvent } from '@app/contracts';
import { appendToOutbox } from '@app/messaging';
import type { ItemState } from '../domain/item-state';
import { dueAlerts, EscalationOf, notificationsFor, type DueAlert } from '../domain/sla';
import { LiveUpdates } from '../live/live-updates';
import { ItemsRepository, type StoredItem } from '../persistence/items.repository';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { TrackingConfig } from '../tracking.config';
import { Clock } from './clock';
import { SlaContext } from './sla-context';

export const SYSTEM_ACTOR = 'system';

function alertEvent(state: ItemState, alert: DueAlert, now: Date): AnyEvent {
  const base = {
    receiptNo: state.receiptNo,
    by: SYSTEM_ACTOR,
    kind: alert.kind,
    deadline: alert.deadline,
    ...(state.unitId ? { unitId: state.unitId } : {}),
    ...(state.workerId ? { workerId: state.workerId } : {}),
  };
  const meta = { correlationId: `sla-sweep-${now.toISOString()}`, occurredAt: now };
  const escalation = EscalationOf[alert.level];
  if (escalation) return createEvent('ItemEscalated', state.itemId, { ...base, level: escalation }, meta);
  if (alert.level === 'warned') return createEvent('DeadlineWarned', state.itemId, base, meta);
  return createEvent('DeadlineBreached', state.itemId, base, meta);
}

/**
 * One pass of the deadline sweep: for every running clock, the yellow warning, the red breach and the
 * escalations (督办) that are due at `now`, each as an event (through the outbox) and notification rows.
 * Items are re-checked under a row lock, so concurrent sweeps (several instances) never double an alert.
 */
@Injectable()
export class DeadlineSweepUseCase {
  private readonly logger = new Logger('DeadlineSweep');

  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly sla: SlaContext,
    private readonly clock: Clock,
    private readonly live: LiveUpdates,
    private readonly config: TrackingConfig,
  ) {}

  private due(item: StoredItem, now: Date): DueAlert[] {
    return dueAlerts(item.state, item.deadlines, this.sla.policyFor(item.state), now, this.sla.calendar);
  }

  /** Returns how many alerts it raised. */
  async execute(now: Date = this.clock.now()): Promise<number> {
    // Rules edited through another instance take effect here at the next pass.
    await this.sla.reload();
    const candidates = await this.items.sweepCandidates(this.config.SLA_SWEEP_BATCH);
    let raised = 0;
    for (const candidate of candidates) {
      if (this.due(candidate, now).length === 0) continue;
      const changes: { type: string; state: ItemState }[] = [];
      await this.dataSource.transaction(async (manager) => {
        const item = await this.items.load(manager, candidate.state.itemId, true);
        if (!item) return;
        const events: AnyEvent[] = [];
        for (const alert of this.due(item, now)) {
          const event = alertEvent(item.state, alert, now);
          const state = await this.items.apply(manager, event, this.sla.deadlinesFor);
          if (!state) continue;
          await this.notifications.add(manager, state, event.eventId, notificationsFor(state, alert));
          events.push(event);
          changes.push({ type: event.type, state });
        }
        await appendToOutbox(manager, events);
        raised += events.length;
      });
      this.live.publish(changes);
    }
    if (raised > 0) this.logger.log(`deadline sweep raised ${raised} alerts`);
    return raised;
  }
}
