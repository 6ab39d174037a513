import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { NotificationsRepository } from '../persistence/notifications.repository';
import type { NotificationDto } from './notification.dto';

/** The current staff member's deadline notifications, newest first: their own, their unit role's, the committee's. */
@Injectable()
export class ListNotificationsUseCase {
  constructor(private readonly notifications: NotificationsRepository) {}

  async execute(staff: StaffPrincipal, unreadOnly: boolean): Promise<NotificationDto[]> {
    const rows = await this.notifications.list(staff, unreadOnly, 200);
    return rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    }));
  }
}
