import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { createEvent, type Channel, type ItemReceivedV1 } from '@app/contracts';
import { DomainError } from '@app/errors';
import type { Area } from '@app/reference-data';
import { isUniqueViolation } from '@app/persistence';
import { fingerprint } from '../domain/fingerprint';
import { checkItemRules, invalidItem, normaliseCitizen } from '../domain/item-rules';
import { chinaDay, formatReceiptNo } from '../domain/receipt-number';
import { ItemWriter } from '../persistence/item-writer';
import { ItemsRepository, type NewItem, type StoredItemRef } from '../persistence/items.repository';
import type { SubmitItemDto } from './submit-item.dto';

export interface ChannelSource {
  channel: Channel;
  /** Hotline platform, Open311 client or batch source. */
  platform?: string;
  /** The sender's own id; (channel, platform, externalId) identifies a submission. */
  externalId?: string;
  /** Staff user who entered the item. */
  enteredBy?: string;
}

export interface SubmitItemCommand {
  item: SubmitItemDto;
  source: ChannelSource;
  idempotencyKey?: string;
  correlationId: string;
}

export interface SubmitItemResult extends StoredItemRef {
  /** True when this submission repeated an earlier one and got its original receipt. */
  replay: boolean;
}

const keyReused = () =>
  new DomainError(
    'IDEMPOTENCY.KEY_REUSED',
    'conflict',
    '该 Idempotency-Key 已用于内容不同的另一次提交',
    'This Idempotency-Key was already used for a different submission',
    [
      {
        field: 'Idempotency-Key',
        rule: 'sameContentForSameKey',
        message: '同一个 Idempotency-Key 只能用于同一内容的重复提交',
        messageEn: 'An Idempotency-Key may only repeat the same submission',
      },
    ],
  );

/**
 * Accepts one item from any channel: checks the cross-field rules, issues the receipt and writes the item
 * and its ItemReceived event atomically (transactional outbox). A repeated submission — the same
 * Idempotency-Key with the same content, or the same external id from the same sender — returns the
 * original receipt.
 */
@Injectable()
export class SubmitItemUseCase {
  constructor(
    private readonly items: ItemsRepository,
    private readonly writer: ItemWriter,
  ) {}

  async execute(command: SubmitItemCommand, now = new Date()): Promise<SubmitItemResult> {
    const rules = checkItemRules(command.item);
    if (!rules.ok) throw invalidItem(rules.problems);
    const requestHash = command.idempotencyKey ? fingerprint(command.item) : undefined;
    const earlier = await this.findEarlier(command, requestHash);
    if (earlier) return earlier;

    const id = randomUUID();
    const day = chinaDay(now);
    let written: NewItem;
    try {
      // The receipt carries the day's sequence number, so the item is built once the writer has allocated
      // it. The writer shares its statements with concurrent submissions (group commit).
      written = await this.writer.write(day, (sequence) =>
        newItem(command, {
          id,
          receiptNo: formatReceiptNo(day, sequence),
          area: rules.area,
          requestHash,
          now,
        }),
      );
    } catch (error) {
      // A concurrent twin won the race on the unique key: answer with its receipt.
      if (isUniqueViolation(error)) {
        const twin = await this.findEarlier(command, requestHash);
        if (twin) return twin;
      }
      throw error;
    }
    const { receiptNo, payload } = written.row;
    return { id, receiptNo, receivedAt: payload.receivedAt, replay: false };
  }

  private async findEarlier(
    command: SubmitItemCommand,
    requestHash: string | undefined,
  ): Promise<SubmitItemResult | undefined> {
    const { channel, platform, externalId } = command.source;
    if (externalId) {
      const earlier = await this.items.findByExternalRef(channel, platform ?? null, externalId);
      return earlier && { ...earlier, replay: true };
    }
    if (command.idempotencyKey) {
      const earlier = await this.items.findByIdempotencyKey(channel, command.idempotencyKey);
      if (!earlier) return undefined;
      // Rows from before fingerprints were kept have none: trust the key alone for them.
      if (earlier.requestHash && earlier.requestHash !== requestHash) throw keyReused();
      return { ...earlier, replay: true };
    }
    return undefined;
  }
}

/** The item row and the ItemReceived event announcing it, written together (transactional outbox). */
function newItem(
  { item, source, idempotencyKey, correlationId }: SubmitItemCommand,
  facts: { id: string; receiptNo: string; area: Area; requestHash: string | undefined; now: Date },
): NewItem {
  const { id, receiptNo, area, requestHash, now } = facts;
  const payload: ItemReceivedV1 = {
    receiptNo,
    source: withoutUndefined(source),
    requestType: item.requestType,
    title: item.title,
    description: item.description,
    ...(item.category ? { category: item.category } : {}),
    location: { ...item.location, areaCode: area.code, areaName: area.name },
    citizen: { ...normaliseCitizen(item.citizen), anonymous: item.citizen.anonymous ?? false },
    attachments: (item.attachments ?? []).map((a) => ({ ...a })),
    urgency: item.urgency ?? 'normal',
    confidential: false,
    receivedAt: now.toISOString(),
  };
  return {
    row: { id, receiptNo, idempotencyKey, requestHash, payload },
    event: createEvent('ItemReceived', id, payload, { correlationId, occurredAt: now }),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
