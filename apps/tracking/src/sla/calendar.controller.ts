import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '@app/auth';
import { ListCalendarDaysUseCase, SetCalendarDayUseCase } from './calendar-days.use-cases';
import { CalendarDayDto, CalendarQueryDto, SetCalendarDayDto } from './calendar.dto';

@ApiTags('calendar')
@Controller('api/v1/calendar/days')
export class CalendarController {
  constructor(
    private readonly listDays: ListCalendarDaysUseCase,
    private readonly setDay: SetCalendarDayUseCase,
  ) {}

  @Get()
  @StaffOnly('clerk', 'worker', 'supervisor', 'committee', 'admin')
  @ApiOperation({ summary: '工作日历例外（节假日、调休上班日）' })
  @ApiResponse({ status: 200, type: [CalendarDayDto] })
  list(@Query() query: CalendarQueryDto): Promise<CalendarDayDto[]> {
    return this.listDays.execute(query.year);
  }

  @Put(':date')
  @HttpCode(204)
  @StaffOnly('admin')
  @ApiOperation({ summary: '修改某日（管理员）' })
  set(@Param('date') date: string, @Body() body: SetCalendarDayDto): Promise<void> {
    return this.setDay.execute(date, body);
  }
}
