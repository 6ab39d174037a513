import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig, type ServiceConfig } from '@app/config';
import { configureHttpApp, type RouteBodyLimit } from '@app/http';
import { KafkaEventServer } from '@app/messaging';
import { cacheValidationMetadata } from './validation-metadata-cache';

export interface RunServiceOptions {
  title: string;
  description: string;
  /** Attach the Kafka consumer transport (services with @EventPattern handlers). */
  consumes: boolean;
  /** Body limits that differ from BODY_LIMIT under some path prefixes. */
  routeBodyLimits?: readonly RouteBodyLimit[];
}

/** Starts one service: HTTP API, Kafka consumer transport, graceful shutdown on SIGTERM/SIGINT. */
export async function runService(module: DynamicModule, config: ServiceConfig, options: RunServiceOptions) {
  cacheValidationMetadata();
  const app = await NestFactory.create(module, { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, {
    title: options.title,
    description: options.description,
    corsOrigins: config.CORS_ORIGINS.split(','),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: config.BODY_LIMIT,
    routeBodyLimits: options.routeBodyLimits,
  });
  // Module init (migrations, topics, producer) must finish before the consumer subscribes.
  await app.init();
  if (options.consumes) {
    app.connectMicroservice({ strategy: app.get(KafkaEventServer) });
    await app.startAllMicroservices();
  }
  await app.listen(config.PORT, config.HOST);
  app
    .get(Logger)
    .log(`${options.title} listening on http://${config.HOST}:${config.PORT} (docs at /api/docs)`);
  return app;
}

/** A service's `main`: load and validate its config (exit naming the bad variables), then run it. */
export function main<C extends ServiceConfig>(
  schema: new () => C,
  module: (config: C) => DynamicModule,
  options: RunServiceOptions | ((config: C) => RunServiceOptions),
): void {
  const start = async () => {
    const config = loadConfig(schema);
    await runService(module(config), config, typeof options === 'function' ? options(config) : options);
  };
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
