/**
 * Kafka topics, one per producing service plus the dead-letter topic. Every message is keyed by item id, so
 * all events of one item from one producer stay in order on one partition.
 */
export const Topics = {
  intake: 'yimen.intake.events.v1',
  routing: 'yimen.routing.events.v1',
  tracking: 'yimen.tracking.events.v1',
  deadLetter: 'yimen.dead-letter.v1',
} as const;

export type LogicalTopic = keyof typeof Topics;

/**
 * Partitions of each topic when the services create it (`KAFKA_TOPIC_PARTITIONS`): at most this many instances
 * of a service share its topics' work. Two, so that two instances of each consumer can run. On the 2-core bench
 * machine fewer partitions made fewer, larger batches: at 200 items/s, p99 accepted→assigned was 207 ms with
 * 2 partitions, 334–344 ms with 3, 376 ms with 6 and 666–986 ms with 12 (docs/benchmarks.md).
 */
export const DEFAULT_TOPIC_PARTITIONS = 2;

export function topicName(prefix: string, topic: LogicalTopic): string {
  return `${prefix}${Topics[topic]}`;
}

export function allTopicNames(
  prefix: string,
  partitions = DEFAULT_TOPIC_PARTITIONS,
): { topic: string; numPartitions: number }[] {
  return (Object.keys(Topics) as LogicalTopic[]).map((t) => ({
    topic: topicName(prefix, t),
    numPartitions: partitions,
  }));
}

/** Kafka header names carried on every message. */
export const Headers = {
  eventId: 'event-id',
  eventType: 'event-type',
  correlationId: 'correlation-id',
  producer: 'producer',
  // dead-letter headers
  dlqReason: 'dlq-reason',
  dlqSourceTopic: 'dlq-source-topic',
  dlqSourcePartition: 'dlq-source-partition',
  dlqSourceOffset: 'dlq-source-offset',
  dlqConsumerGroup: 'dlq-consumer-group',
} as const;
