import { Controller, Sse } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { AcceptsQueryToken, CurrentStaff, StaffOnly, StaffRoles, type StaffPrincipal } from '@app/auth';
import { EventsStreamUseCase, type LiveEvent } from './events-stream.use-case';

@ApiTags('events')
@Controller('api/v1/events')
export class EventsStreamController {
  constructor(private readonly stream: EventsStreamUseCase) {}

  /** Staff only; EventSource cannot send headers, so the guard also takes the token as `?access_token=`. */
  @Sse('stream')
  @StaffOnly(...StaffRoles)
  @AcceptsQueryToken()
  @ApiOperation({ summary: '实时推送（SSE）：{type, itemId, receiptNo, status}，仅推送有权查看的诉求' })
  events(@CurrentStaff() staff: StaffPrincipal): Observable<LiveEvent> {
    return this.stream.execute(staff);
  }
}
