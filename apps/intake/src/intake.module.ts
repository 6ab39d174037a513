import { Module, type DynamicModule } from '@nestjs/common';
import { platformModules } from '@app/runtime';
import { IntakeConfig } from './intake.config';
import { ItemsController } from './items/items.controller';
import { SubmitItemUseCase } from './items/submit-item.use-case';
import { intakeMigrations } from './persistence/migrations';
import { ItemsRepository } from './persistence/items.repository';

@Module({})
export class IntakeModule {
  static register(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: platformModules(config, {
        service: 'intake',
        schema: config.DB_SCHEMA,
        entities: [],
        migrations: intakeMigrations,
      }),
      controllers: [ItemsController],
      providers: [{ provide: IntakeConfig, useValue: config }, ItemsRepository, SubmitItemUseCase],
    };
  }
}
