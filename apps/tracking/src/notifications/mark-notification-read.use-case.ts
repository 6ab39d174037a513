import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { NotificationsRepository } from '../persistence/notifications.repository';

@Injectable()
export class MarkNotificationReadUseCase {
  constructor(private readonly notifications: NotificationsRepository) {}

  async execute(staff: StaffPrincipal, id: string): Promise<void> {
    if (!(await this.notifications.markRead(staff, id))) {
      throw new DomainError('NOTIFICATION.NOT_FOUND', 'not_found', '未找到该提醒', 'No such notification');
    }
  }
}
