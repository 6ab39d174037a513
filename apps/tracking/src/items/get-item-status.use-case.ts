import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/errors';
import { ItemsRepository } from '../persistence/items.repository';
import type { ItemStatusDto } from './item-status.dto';

@Injectable()
export class GetItemStatusUseCase {
  constructor(private readonly items: ItemsRepository) {}

  async execute(receiptNo: string): Promise<ItemStatusDto> {
    const item = await this.items.findByReceiptNo(receiptNo);
    if (!item) {
      throw new DomainError(
        'ITEM.NOT_FOUND',
        'not_found',
        `未找到受理编号 ${receiptNo}`,
        `No item ${receiptNo}`,
      );
    }
    const timeline = await this.items.timelineOf(item.itemId);
    return {
      receiptNo: item.receiptNo,
      status: item.status,
      agency: item.agency,
      title: item.title,
      channel: item.channel,
      receivedAt: item.receivedAt?.toISOString() ?? null,
      timeline: timeline.map((t) => ({
        type: t.eventType,
        occurredAt: t.occurredAt.toISOString(),
        producer: t.producer,
        summary: t.summary,
      })),
    };
  }
}
