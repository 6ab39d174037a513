import { Kafka, logLevel, Partitioners, type LogEntry, type Producer } from 'kafkajs';
import { Logger } from '@nestjs/common';

/**
 * KafkaJS stays behind this lib: apps see our publisher, relay and consumer transport, never kafkajs itself,
 * so replacing the client later touches one folder.
 */
export function createKafka(clientId: string, brokers: string[]): Kafka {
  const logger = new Logger(`kafka:${clientId}`);
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 10_000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...rest } = log;
        // Retries are bounded on purpose (the relay retries whole batches; consumers drop duplicates).
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        const line = `${message} ${JSON.stringify(rest)}`;
        // KafkaJS logs every retriable broker response (coordinator loading, leader moving) as an error.
        if (level <= logLevel.ERROR && !message.startsWith('Response ')) logger.error(line);
        else if (level === logLevel.WARN) logger.warn(line);
        else logger.debug(line);
      },
  });
}

/** Idempotent producer: acks from all in-sync replicas, no duplicates from its own retries, order kept. */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
