import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sla_policies')
export class SlaPolicyRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'request_type', type: 'text', nullable: true })
  requestType: string | null;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ type: 'text', nullable: true })
  urgency: string | null;

  @Column({ name: 'sign_minutes', type: 'integer' })
  signMinutes: number;

  @Column({ name: 'contact_minutes', type: 'integer' })
  contactMinutes: number;

  @Column({ name: 'resolve_days', type: 'integer' })
  resolveDays: number;

  @Column({ name: 'warn_ratio', type: 'numeric' })
  warnRatio: string;
}
