import 'reflect-metadata';
import { main } from '@app/runtime';
import { TrackingConfig } from './tracking.config';
import { TrackingModule } from './tracking.module';

main(TrackingConfig, (config) => TrackingModule.register(config), {
  title: '一门进出 · 跟踪服务 (tracking)',
  description: '记录每件诉求的全过程，提供承办、督办与查询接口',
  consumes: true,
});
