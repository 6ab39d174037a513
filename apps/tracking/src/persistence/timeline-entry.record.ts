import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One event in an item's life, append-only: who, when, what, from which service. */
@Entity('timeline')
export class TimelineEntryRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ type: 'text' })
  producer: string;

  @Column({ type: 'text', nullable: true })
  actor: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** When tracking recorded the entry (database clock); null for entries from before it was kept. */
  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  recordedAt: Date | null;

  @Column({ type: 'jsonb' })
  summary: Record<string, unknown>;
}
