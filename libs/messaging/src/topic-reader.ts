import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { decodeEvent, topicName, type AnyEvent, type LogicalTopic } from '@app/contracts';

/**
 * Reads whole topics without committing anything (a throw-away consumer group), stopping once every
 * partition has reached the end offset that was current when it started.
 */
export async function readTopicsToEnd(
  kafka: Kafka,
  topics: readonly string[],
  onMessage: (topic: string, partition: number, message: KafkaMessage) => void,
  options: { groupPrefix: string; timeoutMs?: number },
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (p.high !== p.low) remaining.set(`${topic}/${p.partition}`, BigInt(p.high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  if (remaining.size === 0) return;

  const consumer = kafka.consumer({ groupId: `${options.groupPrefix}-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${topics.join(', ')} timed out after ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer.run({
        autoCommit: false,
        eachMessage: ({ topic, partition, message }) => {
          const key = `${topic}/${partition}`;
          const end = remaining.get(key);
          if (end === undefined || BigInt(message.offset) >= end) return Promise.resolve();
          onMessage(topic, partition, message);
          if (BigInt(message.offset) + 1n >= end) remaining.delete(key);
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
}

export interface ReplayedEvent {
  topic: LogicalTopic;
  partition: number;
  offset: string;
  event: AnyEvent;
}

/**
 * Every contract-valid event on the given logical topics, from the beginning up to the current end, for
 * rebuilding a projection. Malformed messages (already dead-lettered by the live consumer) are counted.
 */
export async function readAllEvents(
  kafka: Kafka,
  topicPrefix: string,
  topics: readonly LogicalTopic[],
  timeoutMs = 60_000,
): Promise<{ events: ReplayedEvent[]; skipped: number }> {
  const logicalOf = new Map(topics.map((t) => [topicName(topicPrefix, t), t]));
  const events: ReplayedEvent[] = [];
  let skipped = 0;
  await readTopicsToEnd(
    kafka,
    [...logicalOf.keys()],
    (topic, partition, message) => {
      const decoded = decodeEvent(message.value);
      const logical = logicalOf.get(topic);
      if (decoded.ok && logical)
        events.push({ topic: logical, partition, offset: message.offset, event: decoded.event });
      else skipped += 1;
    },
    { groupPrefix: 'replay', timeoutMs },
  );
  return { events, skipped };
}
