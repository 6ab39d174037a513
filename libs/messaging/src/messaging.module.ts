import {
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DEFAULT_TOPIC_PARTITIONS } from '@app/contracts';
import { ReadinessRegistry } from '@app/observability';
import { DeadLetterPublisher } from './dead-letter';
import { KafkaEventServer, type ConsumerFetch } from './kafka-event.server';
import { createIdempotentProducer, createKafka } from './kafka-client';
import { OutboxRelay } from './outbox-relay';
import { ensureTopics } from './topics-admin';

export interface MessagingOptions {
  clientId: string;
  brokers: string[];
  topicPrefix: string;
  databaseUrl: string;
  schema: string;
  outbox: { batchSize: number; pollMs: number };
  /** Set for services that consume: the consumer group id (before the topic prefix). */
  consumerGroup?: string;
  /** The consumer's fetch: answered once `minBytes` are waiting or after `maxWaitMs` (KAFKA_FETCH_* settings). */
  fetch: ConsumerFetch;
  /**
   * Whether the service is ready only once its consumer has joined the group (default true). A service whose
   * consuming is secondary to its HTTP side (intake) says false, so a restart is not held up by a rebalance.
   */
  consumerGatesReadiness?: boolean;
  partitionsConsumedConcurrently?: number;
  /** Partitions of each topic this service creates if missing (default `DEFAULT_TOPIC_PARTITIONS`). */
  topicPartitions?: number;
}

export const KAFKA = Symbol('KAFKA');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private producerConnected = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly relay: OutboxRelay,
    private readonly readiness: ReadinessRegistry,
    @Optional() private readonly server?: KafkaEventServer,
  ) {}

  async onModuleInit(): Promise<void> {
    this.producer.on(this.producer.events.CONNECT, () => (this.producerConnected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.producerConnected = false));
    await ensureTopics(this.kafka, this.options.topicPrefix, { partitions: this.options.topicPartitions });
    await this.producer.connect();
    this.readiness.register('kafka', () => this.producerConnected);
    this.readiness.register('outbox-relay', () => this.relay.isHealthy());
    const server = this.server;
    if (server && this.options.consumerGatesReadiness !== false) {
      this.readiness.register('kafka-consumer', () => server.isReady());
    }
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Order matters: finish in-flight batches and commit, then drain the relay, then close the producer. */
  async beforeApplicationShutdown(): Promise<void> {
    this.logger.log('shutting down messaging');
    await this.server?.close();
    await this.relay.stop();
    await this.producer.disconnect();
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      { provide: KAFKA, useFactory: () => createKafka(options.clientId, options.brokers) },
      {
        provide: KAFKA_PRODUCER,
        inject: [KAFKA],
        useFactory: (kafka: Kafka) => createIdempotentProducer(kafka),
      },
      {
        provide: DeadLetterPublisher,
        inject: [KAFKA_PRODUCER],
        useFactory: (producer: Producer) => new DeadLetterPublisher(producer, options.topicPrefix),
      },
      {
        provide: OutboxRelay,
        inject: [DataSource, KAFKA_PRODUCER],
        useFactory: (dataSource: DataSource, producer: Producer) =>
          new OutboxRelay(dataSource, producer, {
            databaseUrl: options.databaseUrl,
            schema: options.schema,
            topicPrefix: options.topicPrefix,
            ...options.outbox,
          }),
      },
      MessagingLifecycle,
    ];
    const consumerGroup = options.consumerGroup;
    if (consumerGroup) {
      providers.push({
        provide: KafkaEventServer,
        inject: [KAFKA, DeadLetterPublisher],
        useFactory: (kafka: Kafka, deadLetters: DeadLetterPublisher) =>
          new KafkaEventServer({
            kafka,
            groupId: consumerGroup,
            topicPrefix: options.topicPrefix,
            deadLetters,
            partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
            topicPartitions: options.topicPartitions ?? DEFAULT_TOPIC_PARTITIONS,
            fetch: options.fetch,
          }),
      });
    }
    return {
      module: MessagingModule,
      global: true,
      providers,
      exports: providers.filter((p): p is Provider => p !== MessagingLifecycle),
    };
  }
}
