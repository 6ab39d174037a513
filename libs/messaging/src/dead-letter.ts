import type { KafkaMessage, Producer } from 'kafkajs';
import { Headers, topicName } from '@app/contracts';

export interface DeadLetterSource {
  topic: string;
  partition: number;
  consumerGroup: string;
}

/**
 * Sends a message that cannot be processed to the dead-letter topic with its original key, value and
 * headers, plus where it came from and why, so an operator can inspect and replay it.
 */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly topicPrefix: string,
  ) {}

  async publish(source: DeadLetterSource, message: KafkaMessage, reason: string): Promise<void> {
    await this.producer.send({
      topic: topicName(this.topicPrefix, 'deadLetter'),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [Headers.dlqReason]: reason.slice(0, 2000),
            [Headers.dlqSourceTopic]: source.topic,
            [Headers.dlqSourcePartition]: String(source.partition),
            [Headers.dlqSourceOffset]: message.offset,
            [Headers.dlqConsumerGroup]: source.consumerGroup,
          },
        },
      ],
    });
  }
}
