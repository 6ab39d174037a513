import { Body, Controller, Headers, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '@app/auth';
import { correlationIdOf } from '@app/observability';
import { idempotencyKeyOf, receiptResponse } from './receipt';
import { ReceiptDto, SubmitItemDto } from './submit-item.dto';
import { SubmitItemUseCase } from './submit-item.use-case';

@ApiTags('items')
@Controller('api/v1/portal/items')
export class PortalController {
  constructor(private readonly submitItem: SubmitItemUseCase) {}

  /** The public web form (网站): no login, rate-limited per client IP, a smaller body limit (413 above it). */
  @Post()
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重复提交返回原受理编号' })
  @ApiResponse({ status: 201, type: ReceiptDto, description: '已受理' })
  @ApiResponse({ status: 200, type: ReceiptDto, description: '重复提交，返回原受理编号' })
  @ApiResponse({ status: 413, description: '请求内容过大' })
  @ApiResponse({ status: 429, description: '提交过于频繁' })
  async submit(
    @Body() body: SubmitItemDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptDto> {
    const result = await this.submitItem.execute({
      item: body,
      source: { channel: 'web' },
      idempotencyKey: idempotencyKeyOf(idempotencyKey),
      correlationId: correlationIdOf(req),
    });
    return receiptResponse(result, res);
  }
}
