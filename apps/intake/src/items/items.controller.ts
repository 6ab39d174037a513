import { Body, Controller, Headers, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentStaff, StaffOnly, type StaffPrincipal } from '@app/auth';
import { correlationIdOf } from '@app/observability';
import { idempotencyKeyOf, receiptResponse } from './receipt';
import { ReceiptDto, SubmitItemDto } from './submit-item.dto';
import { SubmitItemUseCase } from './submit-item.use-case';

@ApiTags('items')
@Controller('api/v1/items')
export class ItemsController {
  constructor(private readonly submitItem: SubmitItemUseCase) {}

  /** Window (窗口) intake: a clerk enters a walk-in request; the receipt number comes back at once. */
  @Post()
  @StaffOnly('clerk', 'committee', 'admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重复提交返回原受理编号' })
  @ApiResponse({ status: 201, type: ReceiptDto, description: '已受理' })
  @ApiResponse({ status: 200, type: ReceiptDto, description: '重复提交，返回原受理编号' })
  async submit(
    @Body() body: SubmitItemDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptDto> {
    const result = await this.submitItem.execute({
      item: body,
      source: { channel: 'window', enteredBy: staff.username },
      idempotencyKey: idempotencyKeyOf(idempotencyKey),
      correlationId: correlationIdOf(req),
    });
    return receiptResponse(result, res);
  }
}
