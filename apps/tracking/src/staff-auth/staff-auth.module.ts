import { Module, type DynamicModule } from '@nestjs/common';
import { TrackingConfig } from '../tracking.config';
import { AuthController } from './auth.controller';
import { ChangePasswordUseCase } from './change-password.use-case';
import { GetMeUseCase } from './get-me.use-case';
import { LoginUseCase } from './login.use-case';
import { LogoutUseCase } from './logout.use-case';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository';
import { StaffUsersRepository } from './persistence/staff-users.repository';
import { RefreshSessionUseCase } from './refresh-session.use-case';
import { SeedDevStaff } from './seed-dev-staff';
import { StaffSessions } from './staff-sessions';

/** Staff sign-in, token refresh with rotation, sign-out and the current user. */
@Module({})
export class StaffAuthModule {
  static register(config: TrackingConfig): DynamicModule {
    return {
      module: StaffAuthModule,
      controllers: [AuthController],
      providers: [
        { provide: TrackingConfig, useValue: config },
        StaffUsersRepository,
        RefreshTokensRepository,
        StaffSessions,
        LoginUseCase,
        RefreshSessionUseCase,
        LogoutUseCase,
        GetMeUseCase,
        ChangePasswordUseCase,
        SeedDevStaff,
      ],
    };
  }
}
