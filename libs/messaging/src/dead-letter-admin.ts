import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka } from 'kafkajs';
import { Headers, topicName } from '@app/contracts';

export interface DeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  sourceTopic: string;
  sourcePartition: string;
  sourceOffset: string;
  consumerGroup: string;
  reason: string;
  eventId: string;
  eventType: string;
  value: Buffer | null;
  headers: IHeaders;
}

const text = (headers: IHeaders | undefined, name: string): string => {
  const v = headers?.[name];
  return v === undefined ? '' : Array.isArray(v) ? String(v[0]) : String(v);
};

/**
 * Reads the whole dead-letter topic without committing anything (a throw-away consumer group), stopping
 * once it has reached the end offsets that were current when it started.
 */
export async function readDeadLetters(
  kafka: Kafka,
  topicPrefix: string,
  timeoutMs = 30_000,
): Promise<DeadLetter[]> {
  const topic = topicName(topicPrefix, 'deadLetter');
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high)]));
  const found: DeadLetter[] = [];
  if (remaining.size === 0) return found;

  const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`dead-letter read timed out after ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer.run({
        autoCommit: false,
        eachMessage: ({ partition, message }) => {
          const h = message.headers;
          found.push({
            partition,
            offset: message.offset,
            key: message.key?.toString() ?? null,
            sourceTopic: text(h, Headers.dlqSourceTopic),
            sourcePartition: text(h, Headers.dlqSourcePartition),
            sourceOffset: text(h, Headers.dlqSourceOffset),
            consumerGroup: text(h, Headers.dlqConsumerGroup),
            reason: text(h, Headers.dlqReason),
            eventId: text(h, Headers.eventId),
            eventType: text(h, Headers.eventType),
            value: message.value,
            headers: h ?? {},
          });
          const end = remaining.get(partition);
          if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return found.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/**
 * Puts dead letters back on the topic they came from, with their original key, value and headers, marked
 * as replayed. Consumers are idempotent, so replaying something already handled has no effect.
 */
export async function replayDeadLetters(kafka: Kafka, letters: readonly DeadLetter[]): Promise<number> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const letter of letters) {
      const headers: IHeaders = Object.fromEntries(
        Object.entries(letter.headers).filter(([name]) => !name.startsWith('dlq-')),
      );
      headers['replayed-from-dlq'] = `${letter.partition}@${letter.offset}`;
      await producer.send({
        topic: letter.sourceTopic,
        acks: -1,
        messages: [{ key: letter.key, value: letter.value, headers }],
      });
    }
  } finally {
    await producer.disconnect();
  }
  return letters.length;
}
