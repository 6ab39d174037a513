import type { IHeaders, Kafka } from 'kafkajs';
import { Headers, topicName } from '@app/contracts';
import { readTopicsToEnd } from './topic-reader';

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
  const found: DeadLetter[] = [];
  await readTopicsToEnd(
    kafka,
    [topicName(topicPrefix, 'deadLetter')],
    (_, partition, message) => {
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
    },
    { groupPrefix: 'dlq-reader', timeoutMs },
  );
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
