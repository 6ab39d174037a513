import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, type StaffPrincipal } from '@app/auth';
import { ListNotificationsUseCase } from './list-notifications.use-case';
import { MarkNotificationReadUseCase } from './mark-notification-read.use-case';
import { NotificationDto, NotificationsQueryDto } from './notification.dto';

@ApiTags('notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(
    private readonly listNotifications: ListNotificationsUseCase,
    private readonly markRead: MarkNotificationReadUseCase,
  ) {}

  @Get()
  @StaffOnly('clerk', 'worker', 'supervisor', 'committee', 'admin')
  @ApiOperation({ summary: '我的预警、超期与督办提醒' })
  @ApiResponse({ status: 200, type: [NotificationDto] })
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: NotificationsQueryDto,
  ): Promise<NotificationDto[]> {
    return this.listNotifications.execute(staff, query.unread ?? false);
  }

  @Post(':id/read')
  @HttpCode(204)
  @StaffOnly('clerk', 'worker', 'supervisor', 'committee', 'admin')
  @ApiOperation({ summary: '标记已读' })
  read(@CurrentStaff() staff: StaffPrincipal, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.markRead.execute(staff, String(id));
  }
}
