import {
  AuthSessionSchema,
  LoginRequestSchema,
  LogoutRequestSchema,
  QuotaStatusSchema,
  RefreshRequestSchema,
  RegisterRequestSchema,
  UpgradeGuestRequestSchema,
  UserSchema,
} from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';

export class RegisterDto extends createZodDto(RegisterRequestSchema) {}
export class LoginDto extends createZodDto(LoginRequestSchema) {}
// A browser may refresh or sign out with the cookie alone and send no body at
// all (Express then leaves the body undefined); that counts as `{}`, not as a
// validation failure that would keep the session alive.
export class RefreshDto extends createZodDto(RefreshRequestSchema.default({})) {}
export class LogoutDto extends createZodDto(LogoutRequestSchema.default({})) {}
export class UpgradeGuestDto extends createZodDto(UpgradeGuestRequestSchema) {}
export class AuthSessionDto extends createZodDto(AuthSessionSchema) {}
export class UserDto extends createZodDto(UserSchema) {}
export class QuotaStatusDto extends createZodDto(QuotaStatusSchema) {}
