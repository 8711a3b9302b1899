import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { AuthSession, QuotaStatus, User } from '@storyos/contracts';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../../core/http/public.decorator';
import type { AuthUser } from './auth-user';
import { AuthSessionDto, LoginDto, LogoutDto, QuotaStatusDto, RefreshDto, RegisterDto, UpgradeGuestDto, UserDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser } from './guards/auth.decorators';
import { GenerationQuota } from './quota/generation-quota.service';

const THROTTLED = { description: 'Too many attempts from this address (or on this account); wait Retry-After seconds.' };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly quota: GenerationQuota,
  ) {}

  @Public()
  @Post('register')
  @ApiTooManyRequestsResponse(THROTTLED)
  @ZodResponse({ status: 201, type: AuthSessionDto })
  register(@Body() body: RegisterDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSession> {
    return this.auth.register(body, request, response);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiTooManyRequestsResponse(THROTTLED)
  @ZodResponse({ status: 200, type: AuthSessionDto })
  login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSession> {
    return this.auth.login(body, request, response);
  }

  @Public()
  @Post('guest')
  @ApiTooManyRequestsResponse(THROTTLED)
  @ZodResponse({ status: 201, type: AuthSessionDto })
  guest(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSession> {
    return this.auth.startGuest(request, response);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AuthSessionDto })
  refresh(@Body() body: RefreshDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSession> {
    return this.auth.refresh(body.refreshToken, request, response);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  logout(@Body() body: LogoutDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    return this.auth.logout(body.refreshToken, request, response);
  }

  @ApiBearerAuth()
  @Post('upgrade')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AuthSessionDto })
  upgrade(@CurrentUser() user: AuthUser, @Body() body: UpgradeGuestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSession> {
    return this.auth.upgradeGuest(user, body, request, response);
  }

  @ApiBearerAuth()
  @Get('me')
  @ZodResponse({ status: 200, type: UserDto })
  me(@CurrentUser() user: AuthUser): Promise<User> {
    return this.auth.me(user);
  }

  @ApiBearerAuth()
  @Get('quota')
  @ZodResponse({ status: 200, type: QuotaStatusDto })
  quotaStatus(@CurrentUser() user: AuthUser): Promise<QuotaStatus> {
    return this.quota.status(user);
  }
}
