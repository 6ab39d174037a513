import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { runService } from '@app/runtime';
import { TrackingConfig } from './tracking.config';
import { TrackingModule } from './tracking.module';

async function main(): Promise<void> {
  const config = loadConfig(TrackingConfig);
  await runService(TrackingModule.register(config), config, {
    title: '一门进出 · 跟踪服务 (tracking)',
    description: '记录每件诉求的全过程，提供承办、督办与查询接口',
    port: config.PORT,
    bodyLimit: config.BODY_LIMIT,
    consumes: true,
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
