import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, type Repository } from 'typeorm';
import type { StaffPrincipal } from '@app/auth';
import type { NotificationDraft } from '../domain/sla';
import { NotificationRecord } from './notification.record';

export interface NotificationView {
  id: string;
  itemId: string;
  receiptNo: string;
  kind: string;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

/** Deadline notifications: to one staff member, or to a role (in a unit, or everywhere for the committee). */
@Injectable()
export class NotificationsRepository {
  constructor(
    @InjectRepository(NotificationRecord) private readonly records: Repository<NotificationRecord>,
  ) {}

  async add(
    manager: EntityManager,
    item: { itemId: string; receiptNo: string },
    eventId: string,
    drafts: readonly NotificationDraft[],
  ): Promise<void> {
    for (const d of drafts) {
      await manager.query(
        `INSERT INTO notifications (item_id, receipt_no, event_id, recipient_id, recipient_role, recipient_unit_id, kind, message)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          item.itemId,
          item.receiptNo,
          eventId,
          d.recipientId,
          d.recipientRole,
          d.recipientUnitId,
          d.kind,
          d.message,
        ],
      );
    }
  }

  private forStaff(staff: StaffPrincipal) {
    return this.records.createQueryBuilder('n').where(
      new Brackets((q) => {
        q.where('n.recipient_id = :sub', { sub: staff.sub }).orWhere(
          new Brackets((r) => {
            r.where('n.recipient_role = :role', { role: staff.role }).andWhere(
              staff.role === 'committee' ? 'n.recipient_unit_id IS NULL' : 'n.recipient_unit_id = :unitId',
              { unitId: staff.unitId ?? '' },
            );
          }),
        );
      }),
    );
  }

  async list(staff: StaffPrincipal, unreadOnly: boolean, limit: number): Promise<NotificationView[]> {
    const query = this.forStaff(staff).orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').take(limit);
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    const rows = await query.getMany();
    return rows.map((r) => ({
      id: r.id,
      itemId: r.itemId,
      receiptNo: r.receiptNo,
      kind: r.kind,
      message: r.message,
      createdAt: r.createdAt,
      readAt: r.readAt,
    }));
  }

  /** Marks one of the staff member's notifications read; false if it is not theirs. */
  async markRead(staff: StaffPrincipal, id: string): Promise<boolean> {
    const mine = await this.forStaff(staff).andWhere('n.id = :id', { id }).getOne();
    if (!mine) return false;
    await this.records.update({ id }, { readAt: new Date() });
    return true;
  }
}
