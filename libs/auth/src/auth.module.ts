import { createSecretKey } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessGuard } from './access.guard';
import { TokenService } from './token.service';

export interface AuthOptions {
  secret: string;
  accessTtlSeconds: number;
}

/** Token verification and the global access guard, for every service. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        JwtModule.register({
          // A key object, not the string: jsonwebtoken otherwise tries to parse the string as a public key on
          // every verify (an exception and a PEM parse per request, ~10% of intake's CPU in the bench).
          secret: createSecretKey(Buffer.from(options.secret)),
          signOptions: { algorithm: 'HS256', expiresIn: options.accessTtlSeconds },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      providers: [TokenService, { provide: APP_GUARD, useClass: AccessGuard }],
      exports: [TokenService],
    };
  }
}
