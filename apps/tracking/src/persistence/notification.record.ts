import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A deadline alert for a staff member, a unit's supervisors or the committee. */
@Entity('notifications')
export class NotificationRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'receipt_no', type: 'text' })
  receiptNo: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'recipient_id', type: 'text', nullable: true })
  recipientId: string | null;

  @Column({ name: 'recipient_role', type: 'text', nullable: true })
  recipientRole: string | null;

  @Column({ name: 'recipient_unit_id', type: 'text', nullable: true })
  recipientUnitId: string | null;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
