import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createEvent, type Channel, type ItemReceivedV1 } from '@app/contracts';
import { appendToOutbox } from '@app/messaging';
import { checkItemRules, invalidItem } from '../domain/item-rules';
import { chinaDay, formatReceiptNo } from '../domain/receipt-number';
import { ItemsRepository, type StoredItemRef } from '../persistence/items.repository';
import type { SubmitItemDto } from './submit-item.dto';

export interface SubmitItemCommand {
  item: SubmitItemDto;
  source: { channel: Channel; platform?: string; externalId?: string; enteredBy?: string };
  idempotencyKey?: string;
  correlationId: string;
}

export interface SubmitItemResult extends StoredItemRef {
  /** True when this submission repeated an earlier one and got its original receipt. */
  replay: boolean;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Accepts one item from any channel: issues the receipt and writes the item and its ItemReceived event in
 * one transaction (transactional outbox). A repeated submission returns the original receipt.
 */
@Injectable()
export class SubmitItemUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemsRepository,
  ) {}

  async execute(command: SubmitItemCommand, now = new Date()): Promise<SubmitItemResult> {
    const rules = checkItemRules(command.item);
    if (!rules.ok) throw invalidItem(rules.problems);
    const earlier = await this.findEarlier(command);
    if (earlier) return { ...earlier, replay: true };

    const id = randomUUID();
    const day = chinaDay(now);
    const receiptNo = formatReceiptNo(day, await this.items.nextSequence(day));
    const { item, source } = command;
    const payload: ItemReceivedV1 = {
      receiptNo,
      source,
      requestType: item.requestType,
      title: item.title,
      description: item.description,
      ...(item.category ? { category: item.category } : {}),
      location: { ...item.location, areaCode: rules.area.code, areaName: rules.area.name },
      citizen: { ...item.citizen, anonymous: item.citizen.anonymous ?? false },
      attachments: (item.attachments ?? []).map((a) => ({ ...a })),
      urgency: item.urgency ?? 'normal',
      confidential: false,
      receivedAt: now.toISOString(),
    };
    const event = createEvent('ItemReceived', id, payload, {
      correlationId: command.correlationId,
      occurredAt: now,
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.items.insert(manager, { id, receiptNo, idempotencyKey: command.idempotencyKey, payload });
        await appendToOutbox(manager, [event]);
      });
    } catch (error) {
      // A concurrent twin won the race on the unique key: answer with its receipt.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const twin = await this.findEarlier(command);
        if (twin) return { ...twin, replay: true };
      }
      throw error;
    }
    return { id, receiptNo, receivedAt: payload.receivedAt, replay: false };
  }

  private async findEarlier(command: SubmitItemCommand): Promise<StoredItemRef | undefined> {
    const { channel, platform, externalId } = command.source;
    if (externalId) return this.items.findByExternalRef(channel, platform ?? null, externalId);
    if (command.idempotencyKey) return this.items.findByIdempotencyKey(channel, command.idempotencyKey);
    return undefined;
  }
}
