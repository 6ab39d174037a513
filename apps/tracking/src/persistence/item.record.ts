import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The current-state projection of one item: the full state as JSON (a fold of its events) plus indexed
 * columns for the desk, deadline and figures queries. Never leaves the persistence folder: APIs return DTOs.
 */
@Entity('items')
export class ItemRecord {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'receipt_no', type: 'text' })
  receiptNo: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'jsonb', nullable: true })
  state: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  agency: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  channel: string | null;

  @Column({ name: 'request_type', type: 'text', nullable: true })
  requestType: string | null;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ type: 'text', nullable: true })
  urgency: string | null;

  @Column({ name: 'area_code', type: 'text', nullable: true })
  areaCode: string | null;

  @Column({ name: 'unit_id', type: 'text', nullable: true })
  unitId: string | null;

  @Column({ name: 'assisting_unit_ids', type: 'text', array: true })
  assistingUnitIds: string[];

  @Column({ name: 'worker_id', type: 'text', nullable: true })
  workerId: string | null;

  @Column({ name: 'offer_worker_id', type: 'text', nullable: true })
  offerWorkerId: string | null;

  @Column({ name: 'offer_expires_at', type: 'timestamptz', nullable: true })
  offerExpiresAt: Date | null;

  @Column({ name: 'entered_by', type: 'text', nullable: true })
  enteredBy: string | null;

  @Column({ name: 'citizen_mobile', type: 'text', nullable: true })
  citizenMobile: string | null;

  @Column({ type: 'boolean' })
  confidential: boolean;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Column({ name: 'first_contact_at', type: 'timestamptz', nullable: true })
  firstContactAt: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'integer' })
  returns: number;

  @Column({ name: 'follow_up_result', type: 'text', nullable: true })
  followUpResult: string | null;

  @Column({ name: 'sign_by', type: 'timestamptz', nullable: true })
  signBy: Date | null;

  @Column({ name: 'contact_by', type: 'timestamptz', nullable: true })
  contactBy: Date | null;

  @Column({ name: 'resolve_by', type: 'timestamptz', nullable: true })
  resolveBy: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
