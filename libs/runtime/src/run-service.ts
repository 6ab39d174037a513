import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { ServiceConfig } from '@app/config';
import { configureHttpApp } from '@app/http';
import { KafkaEventServer } from '@app/messaging';

export interface RunServiceOptions {
  title: string;
  description: string;
  port: number;
  bodyLimit: string;
  /** Attach the Kafka consumer transport (services with @EventPattern handlers). */
  consumes: boolean;
}

/** Starts one service: HTTP API, Kafka consumer transport, graceful shutdown on SIGTERM/SIGINT. */
export async function runService(module: DynamicModule, config: ServiceConfig, options: RunServiceOptions) {
  const app = await NestFactory.create(module, { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, {
    title: options.title,
    description: options.description,
    bodyLimit: options.bodyLimit,
  });
  // Module init (migrations, topics, producer) must finish before the consumer subscribes.
  await app.init();
  if (options.consumes) {
    app.connectMicroservice({ strategy: app.get(KafkaEventServer) });
    await app.startAllMicroservices();
  }
  await app.listen(options.port, config.HOST);
  app
    .get(Logger)
    .log(`${options.title} listening on http://${config.HOST}:${options.port} (docs at /api/docs)`);
  return app;
}
