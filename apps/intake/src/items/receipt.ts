import { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { ReceiptDto } from './submit-item.dto';
import type { SubmitItemResult } from './submit-item.use-case';

/** 201 for a new item, 200 with the original receipt for a repeated submission — the same on every channel. */
export function receiptResponse(result: SubmitItemResult, res: Response): ReceiptDto {
  res.status(result.replay ? HttpStatus.OK : HttpStatus.CREATED);
  return { receiptNo: result.receiptNo, itemId: result.id, receivedAt: result.receivedAt };
}

/** Idempotency keys are opaque to us; bound their length so they cannot bloat the index. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  const key = header?.trim();
  return key ? key.slice(0, 200) : undefined;
}
