import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@app/config';
import { runService } from '@app/runtime';
import { isolatedEnv, type IsolatedEnv } from '@app/testing';
import { IntakeConfig } from '../intake.config';
import { IntakeModule } from '../intake.module';
import { intakeServiceOptions } from '../intake.service-options';

export interface IntakeUnderTest {
  app: INestApplication;
  /** The HTTP server, for supertest. */
  server: Server;
  env: IsolatedEnv;
  config: IntakeConfig;
  stop(): Promise<void>;
}

/**
 * The intake service in-process on its own database and topic prefix, for int-specs. Its Kafka consumer
 * (progress from routing and tracking) is started only when a test needs it: joining and leaving a consumer
 * group costs seconds per file.
 */
export async function startIntake(
  label: string,
  env: Record<string, string> = {},
  options: { consume?: boolean } = {},
): Promise<IntakeUnderTest> {
  const isolated = await isolatedEnv(label);
  const config = loadConfig(IntakeConfig, {
    ...isolated.serviceEnv,
    PORT: '0',
    HOST: '127.0.0.1',
    OUTBOX_POLL_MS: '200',
    ...env,
  });
  const app = await runService(IntakeModule.register(config), config, {
    ...intakeServiceOptions(config),
    consumes: options.consume ?? false,
  });
  return {
    app,
    server: app.getHttpServer() as Server,
    env: isolated,
    config,
    stop: async () => {
      await app.close();
      await isolated.drop();
    },
  };
}

/** A valid window item; tests override what they exercise. */
export function validItem(): Record<string, unknown> {
  return {
    title: '电动车被盗',
    description: '昨晚停在小区楼下的电动车被盗，请派出所调查。',
    requestType: 'help',
    location: { areaName: '德城区', address: '新湖街道湖滨北路 12 号' },
    citizen: { name: '张三', mobile: '13800138000' },
  };
}
