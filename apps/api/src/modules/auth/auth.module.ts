import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { AccessVerifier } from '../../core/http/access-verifier';
import { AccountsService } from './accounts/accounts.service';
import { PasswordHasher } from './accounts/password-hasher';
import { AdminBootstrap } from './admin-bootstrap.service';
import { AuthSessions } from './auth-sessions.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { GenerationQuota } from './quota/generation-quota.service';
import { LoginThrottle } from './throttling/login-throttle.service';
import { SignupThrottle } from './throttling/signup-throttle.service';
import { ACCESS_TOKEN_ALGORITHM } from './tokens/access-token-claims';
import { AccessTokenService } from './tokens/access-token.service';
import { RefreshTokenService } from './tokens/refresh-token.service';
import { RevokedSessions } from './tokens/revoked-sessions.service';
import { RotationGrace } from './tokens/rotation-grace';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object made once: given the string, jsonwebtoken would first try (and fail) to read it as a public key on every check.
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret)),
        signOptions: { algorithm: ACCESS_TOKEN_ALGORITHM },
        verifyOptions: { algorithms: [ACCESS_TOKEN_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AccountsService,
    PasswordHasher,
    AccessTokenService,
    RefreshTokenService,
    RotationGrace,
    RevokedSessions,
    AuthSessions,
    AuthService,
    LoginThrottle,
    SignupThrottle,
    GenerationQuota,
    AdminBootstrap,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    // What core's docs gate checks tokens with.
    { provide: AccessVerifier, useExisting: AccessTokenService },
  ],
  exports: [AccessVerifier, AccessTokenService, RevokedSessions, AccountsService, GenerationQuota],
})
export class AuthModule {}
