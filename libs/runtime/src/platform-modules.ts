import type { DynamicModule, Type } from '@nestjs/common';
import { AuditModule, auditMigrations } from '@app/audit';
import { AuthModule } from '@app/auth';
import { brokerList, type ServiceConfig } from '@app/config';
import { MessagingModule } from '@app/messaging';
import { HealthModule, loggingModule } from '@app/observability';
import { DatabaseModule } from '@app/persistence';

export interface PlatformOptions {
  service: 'intake' | 'router' | 'tracking';
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own typing
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own typing
  migrations: Function[];
  consumerGroup?: string;
  /** See MessagingOptions.consumerGatesReadiness. */
  consumerGatesReadiness?: boolean;
}

/** The modules every service stands on: logging, health, access and audit, its database schema, Kafka with outbox relay. */
export function platformModules(config: ServiceConfig, options: PlatformOptions): (DynamicModule | Type)[] {
  return [
    loggingModule(options.service, config.LOG_LEVEL),
    HealthModule,
    AuthModule.forRoot({ secret: config.JWT_SECRET, accessTtlSeconds: config.JWT_ACCESS_TTL_S }),
    AuditModule.forRoot(options.service),
    DatabaseModule.forRoot({
      url: config.DATABASE_URL,
      schema: options.schema,
      poolSize: config.DATABASE_POOL_SIZE,
      applicationName: `yimen-${options.service}`,
      entities: options.entities,
      // Every service with staff routes keeps its own append-only audit log.
      migrations: [...options.migrations, ...auditMigrations],
    }),
    MessagingModule.forRoot({
      clientId: `yimen-${options.service}`,
      brokers: brokerList(config),
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
      databaseUrl: config.DATABASE_URL,
      schema: options.schema,
      outbox: { batchSize: config.OUTBOX_BATCH_SIZE, pollMs: config.OUTBOX_POLL_MS },
      consumerGroup: options.consumerGroup,
      fetch: { minBytes: config.KAFKA_FETCH_MIN_BYTES, maxWaitMs: config.KAFKA_FETCH_MAX_WAIT_MS },
      consumerGatesReadiness: options.consumerGatesReadiness,
    }),
  ];
}
