import { Injectable } from '@nestjs/common';
import type { AuthSession, LoginRequest, RegisterRequest, User } from '@storyos/contracts';
import type { Request, Response } from 'express';
import { AppError } from '../../core/errors/app-error';
import { AccountsService } from './accounts/accounts.service';
import { PasswordHasher } from './accounts/password-hasher';
import { toUserContract } from './accounts/user.mapper';
import { AuthSessions } from './auth-sessions.service';
import type { AuthUser } from './auth-user';
import { clientAddress } from './client-address';
import { LoginThrottle } from './throttling/login-throttle.service';
import { SignupThrottle } from './throttling/signup-throttle.service';

/** The sign-in use cases behind the auth routes: throttling, the password check, and the session they start. */
@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: AuthSessions,
    private readonly loginThrottle: LoginThrottle,
    private readonly signupThrottle: SignupThrottle,
  ) {}

  async register(body: RegisterRequest, request: Request, response: Response): Promise<AuthSession> {
    await this.signupThrottle.admitRegistration(clientAddress(request));
    return this.sessions.start(await this.accounts.register(body), request, response);
  }

  async startGuest(request: Request, response: Response): Promise<AuthSession> {
    await this.signupThrottle.admitGuest(clientAddress(request));
    return this.sessions.start(await this.accounts.createGuest(), request, response);
  }

  /** Unknown email and wrong password take the same path and the same time, and get the same answer. */
  async login(body: LoginRequest, request: Request, response: Response): Promise<AuthSession> {
    const address = clientAddress(request);
    await this.loginThrottle.admit(body.email, address);
    const user = await this.accounts.findByEmail(body.email);
    if (!(await this.hasher.matches(user?.passwordHash, body.password)) || !user) {
      throw AppError.unauthenticated('The email or password is not correct.');
    }
    await this.loginThrottle.succeeded(body.email, address);
    return this.sessions.start(user, request, response);
  }

  async upgradeGuest(user: AuthUser, body: RegisterRequest, request: Request, response: Response): Promise<AuthSession> {
    return this.sessions.start(await this.accounts.upgradeGuest(user.id, body), request, response);
  }

  refresh(refreshToken: string | undefined, request: Request, response: Response): Promise<AuthSession> {
    return this.sessions.refresh(refreshToken, request, response);
  }

  logout(refreshToken: string | undefined, request: Request, response: Response): Promise<void> {
    return this.sessions.end(refreshToken, request, response);
  }

  async me(user: AuthUser): Promise<User> {
    return toUserContract(await this.accounts.findById(user.id));
  }
}
