import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, EventPattern, Server } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { decodeEvent, Headers, topicName, type AnyEvent, type LogicalTopic } from '@app/contracts';
import { DeadLetterPublisher } from './dead-letter';
import { isTransientInfrastructureError } from './error-classification';

export interface KafkaEventServerOptions {
  kafka: Kafka;
  groupId: string;
  topicPrefix: string;
  deadLetters: DeadLetterPublisher;
  /** Most events handed to one handler call; bigger Kafka batches are split. */
  maxHandlerBatch?: number;
  /** Attempts for a failure that is not the infrastructure being away, before dead-lettering. */
  maxAttempts?: number;
  /**
   * Partitions handled at once (default: every partition of the subscribed topics, `topicPartitions` each), so
   * that the batches of one fetch reach `eachBatch` together and can share a handler call.
   */
  partitionsConsumedConcurrently?: number;
  /** Partitions per topic, for the default above. */
  topicPartitions: number;
  fetch: ConsumerFetch;
}

/** When the broker answers a fetch: once `minBytes` are waiting for the consumer, or after `maxWaitMs`. */
export interface ConsumerFetch {
  minBytes: number;
  maxWaitMs: number;
}

/**
 * What a handler receives: decoded, contract-valid events, each partition's in offset order. The batches that
 * one fetch brought for the handler's topic come in one call, and for all of its topics with `@EventTopics`;
 * after a failed call, each partition's batch is retried on its own.
 */
export interface EventBatch {
  events: AnyEvent[];
}

/** The `@EventPattern` extra naming the handler that several topics share (see `EventTopics`). */
const SHARED_HANDLER = 'sharedHandler';

/**
 * One handler for several topics whose events it handles alike: each fetch's batches from all of them come in
 * one call (one transaction), instead of one call per topic that would lock the same items in turn.
 */
export function EventTopics(...topics: LogicalTopic[]): MethodDecorator {
  return EventPattern(topics, { [SHARED_HANDLER]: topics.join('+') });
}

interface Decoded {
  message: KafkaMessage;
  event: AnyEvent;
}

type Handler = NonNullable<ReturnType<Server['getHandlerByPattern']>>;

/** One partition's valid events, and its consumer callbacks, waiting for the fetch's shared call. */
interface Waiting {
  topic: string;
  partition: number;
  items: Decoded[];
  heartbeat: () => Promise<void>;
  isRunning: () => boolean;
  done: (delivered: boolean) => void;
  failed: (error: unknown) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait before restarting a consumer that kafkajs left stopped after a crash; doubled while it keeps failing. */
const RESTART_AFTER_CRASH_MS = 1_000;
const RESTART_AFTER_CRASH_MAX_MS = 30_000;

/**
 * A Nest microservice transport over Kafka that hands handlers whole batches (handlers do one transaction
 * per batch). Handlers are bound with `@EventPattern('<logical topic>')`.
 *
 * Retry policy, per handler call:
 *  - malformed message (not JSON, bad envelope, payload breaks the contract) → dead-letter topic, offset
 *    committed, never retried;
 *  - unknown event type → skipped (a newer producer; this consumer has nothing to do with it);
 *  - infrastructure away (database or broker unreachable) → retried with capped backoff until it returns,
 *    heartbeating so the group does not rebalance;
 *  - any other error → the batch is retried, then split into single messages; a message that still fails
 *    after `maxAttempts` goes to the dead-letter topic, so a partition is never stuck behind it;
 *  - the consumer itself crashed with an error kafkajs does not restart after → restarted here.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;
  private joined = false;
  private closed = false;
  private restartTimer?: NodeJS.Timeout;
  private restartDelay = RESTART_AFTER_CRASH_MS;
  private readonly log = new Logger(KafkaEventServer.name);
  private readonly maxHandlerBatch: number;
  private readonly maxAttempts: number;
  private readonly logicalTopics = new Map<string, string>();
  /** Partitions' batches of the current fetch, per handler, until the turn of the event loop ends. */
  private readonly waiting = new Map<string, Waiting[]>();

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
    this.maxHandlerBatch = options.maxHandlerBatch ?? 500;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  /** True once the consumer has joined its group; used by readiness. */
  isReady(): boolean {
    return this.joined;
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (e) {
      callback(e);
    }
  }

  private async start(): Promise<void> {
    const { kafka, groupId, topicPrefix } = this.options;
    const consumer = kafka.consumer({
      groupId: `${topicPrefix}${groupId}`,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
      minBytes: this.options.fetch.minBytes,
      maxWaitTimeInMs: this.options.fetch.maxWaitMs,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
      this.restartDelay = RESTART_AFTER_CRASH_MS;
    });
    consumer.on(consumer.events.CRASH, (e) => {
      this.joined = false;
      // kafkajs restarts the consumer only after errors it deems retriable; after any other it stays
      // stopped, and the service would look alive while its partitions wait for ever.
      const restart = e.payload.restart;
      this.log.error(
        `consumer crashed: ${String(e.payload.error)}; ${restart ? 'kafkajs restarts it' : 'restarting it'}`,
      );
      if (!restart) this.restartAfterCrash();
    });
    consumer.on(consumer.events.DISCONNECT, () => {
      this.joined = false;
    });
    this.consumer = consumer;
    for (const logical of this.messageHandlers.keys()) {
      this.logicalTopics.set(topicName(topicPrefix, logical as LogicalTopic), logical);
    }
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.logicalTopics.keys()], fromBeginning: true });
    await this.runConsumer(consumer);
  }

  private async runConsumer(consumer: Consumer): Promise<void> {
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: true,
      // kafkajs hands a fetch's batches to this many workers at once; with one each, they all reach
      // `eachBatch` in the same turn of the event loop and are handled together (`deliverTogether`).
      partitionsConsumedConcurrently:
        this.options.partitionsConsumedConcurrently ??
        Math.max(1, this.logicalTopics.size * this.options.topicPartitions),
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /** Connects and runs the crashed (and so disconnected) consumer again; its subscription stays. */
  private restartAfterCrash(): void {
    const consumer = this.consumer;
    if (!consumer || this.closed) return;
    const delay = this.restartDelay;
    this.restartDelay = Math.min(delay * 2, RESTART_AFTER_CRASH_MAX_MS);
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.closed) return;
      consumer
        .connect()
        .then(() => this.runConsumer(consumer))
        .catch((error: unknown) => {
          this.log.error(`consumer restart failed, trying again: ${String(error)}`);
          this.restartAfterCrash();
        });
    }, delay);
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const isRunning = () => payload.isRunning();
    const handler = this.getHandlerByPattern(this.logicalTopics.get(batch.topic) ?? batch.topic);
    const source = { topic: batch.topic, partition: batch.partition, consumerGroup: this.options.groupId };

    for (let start = 0; start < batch.messages.length; start += this.maxHandlerBatch) {
      if (!isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(start, start + this.maxHandlerBatch);
      const valid: Decoded[] = [];
      for (const message of chunk) {
        const result = decodeEvent(message.value);
        if (result.ok) valid.push({ message, event: result.event });
        else if (result.kind === 'malformed') {
          this.log.warn(
            {
              itemId: message.key?.toString(),
              correlationId: message.headers?.[Headers.correlationId]?.toString(),
            },
            `dead-lettering ${batch.topic}/${batch.partition}@${message.offset}: ${result.reason}`,
          );
          await this.options.deadLetters.publish(source, message, result.reason);
        }
      }
      if (handler && valid.length > 0) {
        const done = await this.deliverTogether(handler, {
          topic: batch.topic,
          partition: batch.partition,
          items: valid,
          heartbeat,
          isRunning,
        });
        if (!done) return;
        this.log.debug(
          {
            events: valid.map((d) => ({
              type: d.event.type,
              itemId: d.event.itemId,
              correlationId: d.event.correlationId,
            })),
          },
          `handled ${valid.length} events from ${batch.topic}/${batch.partition}`,
        );
      }
      const last = chunk[chunk.length - 1];
      if (last) payload.resolveOffset(last.offset);
      await payload.commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /**
   * Handles the batches that reach the same handler in one turn of the event loop (the partitions of one fetch)
   * with one call, up to `maxHandlerBatch` events a call. Resolves as `deliver` does, once this partition's
   * events are handled.
   */
  private deliverTogether(handler: Handler, batch: Omit<Waiting, 'done' | 'failed'>): Promise<boolean> {
    const key = sharedHandlerOf(handler) ?? batch.topic;
    return new Promise((done, failed) => {
      let queue = this.waiting.get(key);
      if (!queue) {
        queue = [];
        this.waiting.set(key, queue);
        setImmediate(() => void this.flush(handler, key));
      }
      queue.push({ ...batch, done, failed });
    });
  }

  private async flush(handler: Handler, key: string): Promise<void> {
    const queue = this.waiting.get(key) ?? [];
    this.waiting.delete(key);
    for (const group of callsOf(queue, this.maxHandlerBatch)) {
      if (group.length > 1 && group.every((w) => w.isRunning())) {
        try {
          await this.call(
            handler,
            group.flatMap((w) => w.items),
          );
          for (const w of group) w.done(true);
          continue;
        } catch (error) {
          // Each partition on its own below: its retries, back-off and poison isolation.
          this.log.warn(
            `shared call for ${group.length} partitions failed, retrying each: ${describeError(error)}`,
          );
        }
      }
      for (const w of group) {
        try {
          w.done(await this.deliver(handler, w.topic, w.partition, w.items, w.heartbeat, w.isRunning));
        } catch (error) {
          w.failed(error);
        }
      }
    }
  }

  private async call(handler: Handler, items: Decoded[]): Promise<void> {
    const batch: EventBatch = { events: items.map((d) => d.event) };
    await lastValueFrom(this.transformToObservable(await handler(batch)), { defaultValue: undefined });
  }

  /** Returns false if the consumer stopped before the events were handled (they will be redelivered). */
  private async deliver(
    handler: Handler,
    topic: string,
    partition: number,
    items: Decoded[],
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<boolean> {
    let attempts = 0;
    let backoff = 200;
    let lastError: unknown;
    for (;;) {
      try {
        await this.call(handler, items);
        return true;
      } catch (error) {
        lastError = error;
        if (!isRunning()) return false;
        if (isTransientInfrastructureError(error)) {
          this.log.warn(`infrastructure unavailable, retrying in ${backoff} ms: ${String(error)}`);
        } else {
          attempts += 1;
          this.log.error(
            { items: items.map((d) => ({ itemId: d.event.itemId, correlationId: d.event.correlationId })) },
            `handler failed (attempt ${attempts}/${this.maxAttempts}): ${describeError(error)}`,
          );
          if (attempts >= this.maxAttempts) break;
        }
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
        await heartbeat().catch(() => undefined);
      }
    }
    if (items.length === 1) {
      const [only] = items;
      if (only) {
        await this.options.deadLetters.publish(
          { topic, partition, consumerGroup: this.options.groupId },
          only.message,
          `handler failed ${this.maxAttempts} times: ${describeError(lastError)}`,
        );
      }
      return true;
    }
    // Isolate the poison message: handle the rest one by one.
    for (const item of items) {
      if (!(await this.deliver(handler, topic, partition, [item], heartbeat, isRunning))) return false;
    }
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.restartTimer);
    this.joined = false;
    await this.consumer?.disconnect();
  }

  on(): never {
    throw new Error('KafkaEventServer does not expose transport events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}

/** The name `EventTopics` gave a handler shared by several topics. */
function sharedHandlerOf(handler: Handler): string | undefined {
  const extras = (handler as { extras?: Record<string, unknown> }).extras;
  const name = extras?.[SHARED_HANDLER];
  return typeof name === 'string' ? name : undefined;
}

/** Consecutive partitions' batches grouped into calls of at most `max` events (a bigger batch alone). */
function callsOf(queue: readonly Waiting[], max: number): Waiting[][] {
  const calls: Waiting[][] = [];
  let size = max;
  for (const w of queue) {
    if (size + w.items.length > max) {
      calls.push([]);
      size = 0;
    }
    calls[calls.length - 1]!.push(w);
    size += w.items.length;
  }
  return calls;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error);
}
