import 'reflect-metadata';
import { main } from '@app/runtime';
import { RouterConfig } from './router.config';
import { RouterModule } from './router.module';

main(RouterConfig, (config) => RouterModule.register(config), {
  title: '一门进出 · 分拨服务 (router)',
  description: '判定承办单位、承办人，发布分拨结果',
  consumes: true,
});
