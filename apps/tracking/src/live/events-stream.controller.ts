import { Controller, Query, Sse } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Public } from '@app/auth';
import { EventsStreamUseCase, type LiveEvent } from './events-stream.use-case';

@ApiTags('events')
@Controller('api/v1/events')
export class EventsStreamController {
  constructor(private readonly stream: EventsStreamUseCase) {}

  /** Public at the guard because EventSource cannot send headers; the use case verifies the token itself. */
  @Sse('stream')
  @Public()
  @ApiOperation({ summary: '实时推送（SSE）：{type, itemId, receiptNo, status}，仅推送有权查看的诉求' })
  @ApiQuery({ name: 'access_token', required: true })
  events(@Query('access_token') accessToken?: string): Observable<LiveEvent> {
    return this.stream.execute(accessToken);
  }
}
