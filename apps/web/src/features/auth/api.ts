import type {
  AuthSession,
  LoginRequest,
  QuotaStatus,
  RegisterRequest,
  UpgradeGuestRequest,
  User,
} from '@storyos/contracts';
import { http } from '../../lib/http';

export const authApi = {
  register: (body: RegisterRequest) => http.post<AuthSession>('/api/auth/register', body, { authFlow: true }),
  login: (body: LoginRequest) => http.post<AuthSession>('/api/auth/login', body, { authFlow: true }),
  continueAsGuest: () => http.post<AuthSession>('/api/auth/guest', {}, { authFlow: true }),
  // Upgrade acts on the signed-in guest, so a stale access token is refreshed like any other call.
  upgradeGuest: (body: UpgradeGuestRequest) =>
    http.post<AuthSession>('/api/auth/upgrade', body, { authFlow: true, refreshOn401: true }),
  logout: () => http.post<void>('/api/auth/logout', {}, { authFlow: true }),
  me: () => http.get<User>('/api/auth/me'),
  quota: () => http.get<QuotaStatus>('/api/auth/quota'),
};
