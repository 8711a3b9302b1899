import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthSession, QuotaStatus, User } from '@storyos/contracts';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { AppError } from '../../core/errors/app-error';
import { AccountsService } from './accounts/accounts.service';
import { PasswordHasher } from './accounts/password-hasher';
import { toUserContract } from './accounts/user.mapper';
import { AuthSessions } from './auth-sessions.service';
import type { AuthUser } from './auth-user';
import { AuthSessionDto, LoginDto, LogoutDto, QuotaStatusDto, RefreshDto, RegisterDto, UpgradeGuestDto, UserDto } from './auth.dto';
import { CurrentUser, Public } from './guards/auth.decorators';
import { GenerationQuota } from './quota/generation-quota.service';
import { LoginThrottle } from './throttling/login-throttle.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: AuthSessions,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly quota: GenerationQuota,
  ) {}

  @Public()
  @Post('register')
  @ZodResponse({ status: 201, type: AuthSessionDto })
  async register(@Body() body: RegisterDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSession> {
    return this.sessions.start(await this.accounts.register(body), request, response);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AuthSessionDto })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSession> {
    const ip = request.ip ?? 'unknown';
    await this.throttle.assertAllowed(ip, body.email);
    const user = await this.accounts.findByEmail(body.email);
    const valid = user?.passwordHash ? await this.hasher.verify(user.passwordHash, body.password) : false;
    if (!user || !valid) {
      await this.throttle.recordFailure(ip, body.email);
      throw AppError.unauthenticated('The email or password is not correct.');
    }
    await this.throttle.recordSuccess(body.email);
    return this.sessions.start(user, request, response);
  }

  @Public()
  @Post('guest')
  @ZodResponse({ status: 201, type: AuthSessionDto })
  async guest(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSession> {
    return this.sessions.start(await this.accounts.createGuest(), request, response);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AuthSessionDto })
  refresh(@Body() body: RefreshDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSession> {
    return this.sessions.refresh(body.refreshToken, request, response);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: LogoutDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.end(body.refreshToken, request, response);
  }

  @ApiBearerAuth()
  @Post('upgrade')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AuthSessionDto })
  async upgrade(
    @CurrentUser() user: AuthUser,
    @Body() body: UpgradeGuestDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthSession> {
    return this.sessions.start(await this.accounts.upgradeGuest(user.id, body), request, response);
  }

  @ApiBearerAuth()
  @Get('me')
  @ZodResponse({ status: 200, type: UserDto })
  async me(@CurrentUser() user: AuthUser): Promise<User> {
    return toUserContract(await this.accounts.findById(user.id));
  }

  @ApiBearerAuth()
  @Get('quota')
  @ZodResponse({ status: 200, type: QuotaStatusDto })
  quotaStatus(@CurrentUser() user: AuthUser): Promise<QuotaStatus> {
    return this.quota.status(user);
  }
}
