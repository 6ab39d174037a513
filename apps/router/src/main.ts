import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { runService } from '@app/runtime';
import { RouterConfig } from './router.config';
import { RouterModule } from './router.module';

async function main(): Promise<void> {
  const config = loadConfig(RouterConfig);
  await runService(RouterModule.register(config), config, {
    title: '一门进出 · 分拨服务 (router)',
    description: '判定承办单位、承办人，发布分拨结果',
    port: config.PORT,
    bodyLimit: config.BODY_LIMIT,
    consumes: true,
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
