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

/** Partition counts: enough for several consumer instances per group on a single-city deployment. */
export const TopicPartitions: Record<LogicalTopic, number> = {
  intake: 12,
  routing: 12,
  tracking: 12,
  deadLetter: 3,
};

export function topicName(prefix: string, topic: LogicalTopic): string {
  return `${prefix}${Topics[topic]}`;
}

export function allTopicNames(prefix: string): { topic: string; numPartitions: number }[] {
  return (Object.keys(Topics) as LogicalTopic[]).map((t) => ({
    topic: topicName(prefix, t),
    numPartitions: TopicPartitions[t],
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
