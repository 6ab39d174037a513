import 'reflect-metadata';
import { main } from '@app/runtime';
import { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';

main(IntakeConfig, (config) => IntakeModule.register(config), {
  title: '一门进出 · 受理服务 (intake)',
  description: '各渠道诉求受理：校验、发放受理编号、写入发件箱并发布到 Kafka',
  consumes: false,
});
