import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A holiday on a weekday or a 调休 make-up working weekend day; administrators may edit the table. */
@Entity('calendar_days')
export class CalendarDayRecord {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'text' })
  kind: 'holiday' | 'workday';

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
