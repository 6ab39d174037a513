import 'reflect-metadata';
import { main } from '@app/runtime';
import { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';
import { intakeServiceOptions } from './intake.service-options';

main(IntakeConfig, (config) => IntakeModule.register(config), intakeServiceOptions);
