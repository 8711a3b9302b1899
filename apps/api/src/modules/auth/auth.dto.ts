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
export class RefreshDto extends createZodDto(RefreshRequestSchema) {}
export class LogoutDto extends createZodDto(LogoutRequestSchema) {}
export class UpgradeGuestDto extends createZodDto(UpgradeGuestRequestSchema) {}
export class AuthSessionDto extends createZodDto(AuthSessionSchema) {}
export class UserDto extends createZodDto(UserSchema) {}
export class QuotaStatusDto extends createZodDto(QuotaStatusSchema) {}
