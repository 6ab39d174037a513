import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The current-state projection of one item. Never leaves the persistence folder: APIs return DTOs. */
@Entity('items')
export class ItemRecord {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'receipt_no', type: 'text' })
  receiptNo: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text', nullable: true })
  agency: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  channel: string | null;

  @Column({ name: 'request_type', type: 'text', nullable: true })
  requestType: string | null;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
