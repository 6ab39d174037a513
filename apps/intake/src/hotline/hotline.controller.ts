import { Body, Controller, Headers, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SignedChannel } from '@app/auth';
import { correlationIdOf } from '@app/observability';
import { receiptResponse } from '../items/receipt';
import { ReceiptDto } from '../items/submit-item.dto';
import { SubmitItemUseCase } from '../items/submit-item.use-case';
import { ExternalItemDto } from '../items/external-item.dto';
import { HotlineSignatureGuard, SignatureHeaders } from './hotline-signature.guard';

@ApiTags('hotline')
@Controller('api/v1/hotline/items')
export class HotlineController {
  constructor(private readonly submitItem: SubmitItemUseCase) {}

  /** Hotline platforms (12345, 12368, 12309, 12348, 110) push items, signed; their externalId makes it idempotent. */
  @Post()
  @SignedChannel('hotline')
  @UseGuards(HotlineSignatureGuard)
  @ApiHeader({ name: 'X-Yimen-Platform', required: true, description: '热线平台，如 12345' })
  @ApiHeader({
    name: 'X-Yimen-Timestamp',
    required: true,
    description: 'Unix 毫秒时间戳（偏差不超过 5 分钟）',
  })
  @ApiHeader({
    name: 'X-Yimen-Signature',
    required: true,
    description: 'HMAC-SHA256(平台密钥, `${timestamp}.${原始请求体}`) 的十六进制',
  })
  @ApiResponse({ status: 201, type: ReceiptDto, description: '已受理' })
  @ApiResponse({ status: 200, type: ReceiptDto, description: '该工单已受理过，返回原受理编号' })
  @ApiResponse({ status: 401, description: '签名缺失、错误或过期' })
  async submit(
    @Body() body: ExternalItemDto,
    @Headers(SignatureHeaders.platform) platform: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptDto> {
    const { externalId, ...item } = body;
    const result = await this.submitItem.execute({
      item,
      source: { channel: 'hotline', platform, externalId },
      correlationId: correlationIdOf(req),
    });
    return receiptResponse(result, res);
  }
}
