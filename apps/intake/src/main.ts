import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { runService } from '@app/runtime';
import { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';

async function main(): Promise<void> {
  const config = loadConfig(IntakeConfig);
  await runService(IntakeModule.register(config), config, {
    title: '一门进出 · 受理服务 (intake)',
    description: '各渠道诉求受理：校验、发放受理编号、写入发件箱并发布到 Kafka',
    port: config.PORT,
    bodyLimit: config.BODY_LIMIT,
    consumes: false,
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
