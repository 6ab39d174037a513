import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { StaffPrincipal, StaffRole } from '@app/auth';
import { loadConfig } from '@app/config';
import { createEvent, topicName, type AnyEvent, type EventType, type PayloadOf } from '@app/contracts';
import { runService } from '@app/runtime';
import { eventually, isolatedEnv, staffAuth, type IsolatedEnv } from '@app/testing';
import { TrackingConfig } from '../tracking.config';
import { TrackingModule } from '../tracking.module';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON bodies loosely
type Json = any;

/** Seeded staff as test principals (ids as in libs/reference-data). */
export function as(
  role: StaffRole,
  sub: string,
  unitId: string | null,
  agency: StaffPrincipal['agency'] = 'police',
) {
  return staffAuth(role, { sub, username: sub, unitId, agency });
}

/**
 * The tracking service in-process on real PostgreSQL and Kafka, with helpers to publish intake and routing
 * events as the other services would, and to call the HTTP API as a given staff member.
 */
export class TrackingHarness {
  private constructor(
    readonly env: IsolatedEnv,
    readonly app: INestApplication,
    readonly url: string,
    private readonly producer: Producer,
  ) {}

  static async start(label: string, extraEnv: Record<string, string> = {}): Promise<TrackingHarness> {
    const env = await isolatedEnv(label);
    const config = loadConfig(TrackingConfig, {
      ...env.serviceEnv,
      PORT: '0',
      HOST: '127.0.0.1',
      OUTBOX_POLL_MS: '200',
      ...extraEnv,
    });
    const app = await runService(TrackingModule.register(config), config, {
      title: 'tracking (test)',
      description: '',
      consumes: true,
    });
    const kafka = new Kafka({
      clientId: `${label}-test`,
      brokers: env.kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    return new TrackingHarness(env, app, await app.getUrl(), producer);
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
    await this.app.close();
    await this.env.drop();
  }

  /** Publishes an event on its topic, as its producing service would. */
  async publish<T extends EventType>(
    type: T,
    itemId: string,
    payload: PayloadOf<T>,
    occurredAt = new Date(),
  ): Promise<AnyEvent> {
    const event = createEvent(type, itemId, payload, { correlationId: 'test', occurredAt }) as AnyEvent;
    const topic = type === 'ItemReceived' ? 'intake' : 'routing';
    await this.producer.send({
      topic: topicName(this.env.topicPrefix, topic),
      messages: [{ key: itemId, value: JSON.stringify(event) }],
    });
    return event;
  }

  /** A new item received at the window by clerk01 and routed to 德城区公安分局, offered to ga-dc-01. */
  async receivedAndOffered(
    options: {
      mobile?: string;
      confidential?: boolean;
      requestType?: PayloadOf<'ItemReceived'>['requestType'];
      receivedAt?: Date;
    } = {},
  ): Promise<{ itemId: string; receiptNo: string }> {
    const itemId = randomUUID();
    const receiptNo = `YM-20261125-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}-0`;
    const receivedAt = options.receivedAt ?? new Date();
    await this.publish(
      'ItemReceived',
      itemId,
      {
        receiptNo,
        source: { channel: 'window', enteredBy: 'clerk01' },
        requestType: options.requestType ?? 'help',
        title: '电动车被盗',
        description: '昨晚停在小区楼下的电动车被盗',
        location: { areaCode: '371402', areaName: '德城区', address: '新湖街道湖滨北路 12 号' },
        citizen: { name: '张三', mobile: options.mobile ?? '13800138000', anonymous: false },
        attachments: [],
        urgency: 'normal',
        confidential: options.confidential ?? false,
        receivedAt: receivedAt.toISOString(),
      },
      receivedAt,
    );
    await this.publish('ItemRouted', itemId, {
      receiptNo,
      agency: 'police',
      unitId: 'ga-dc',
      assisting: [{ agency: 'justice', unitId: 'sf-dc' }],
      confidence: 0.9,
      outOfScope: false,
      decisionId: randomUUID(),
      ruleSetVersion: 'test',
      round: 1,
      reason: '命中 盗窃',
    });
    await this.publish('ItemOffered', itemId, {
      receiptNo,
      offerId: randomUUID(),
      unitId: 'ga-dc',
      workerId: 'ga-dc-01',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await this.waitForStatus(itemId, 'offered');
    return { itemId, receiptNo };
  }

  async waitForStatus(itemId: string, status: string): Promise<void> {
    await eventually(
      `item ${itemId} to be ${status}`,
      async () =>
        (await this.get(`/api/v1/items/by-id/${itemId}`, as('committee', 'zfw01', 'zfw-city', 'committee')))
          .body as unknown,
      {
        // Both topics applied: the intake event may arrive after the routing ones.
        accept: (b) => {
          const item = b as { status?: string; receivedAt?: string | null } | undefined;
          return item?.status === status && Boolean(item.receivedAt);
        },
        timeoutMs: 30_000,
      },
    );
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${this.url}${path}`, { headers });
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  post(
    path: string,
    headers: Record<string, string>,
    body: unknown = {},
  ): Promise<{ status: number; body: Json }> {
    return this.send('POST', path, headers, body);
  }

  put(
    path: string,
    headers: Record<string, string>,
    body: unknown = {},
  ): Promise<{ status: number; body: Json }> {
    return this.send('PUT', path, headers, body);
  }

  private async send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }
}
