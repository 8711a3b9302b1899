import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { hasUnstorableCharacters, UNSTORABLE_TEXT_MESSAGE, userText } from '../common/text.schemas';

export const PASSWORD_RULES =
  'Password must be 8 to 128 characters long and contain at least one letter and one digit.';

export const EmailSchema = z
  .string({ message: 'Email is required' })
  .trim()
  .toLowerCase()
  .max(254, { message: 'Email must be at most 254 characters' })
  .pipe(z.email({ message: 'Email must be a valid address, like name@example.com' }));

export const PasswordSchema = z
  .string({ message: 'Password is required' })
  .min(8, { message: PASSWORD_RULES })
  .max(128, { message: PASSWORD_RULES })
  .refine((value) => !hasUnstorableCharacters(value), { message: `Password ${UNSTORABLE_TEXT_MESSAGE}`, abort: true })
  .refine((value) => /\p{L}/u.test(value) && /\d/.test(value), { message: PASSWORD_RULES });

export const DisplayNameSchema = userText('Display name', { max: 60 });

export const RoleSchema = z.enum(['user', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** Quotas and limits differ by the kind of account. */
export const UserTypeSchema = z.enum(['guest', 'user', 'admin']);
export type UserType = z.infer<typeof UserTypeSchema>;

export const RegisterRequestSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema.optional(),
});
export type RegisterRequest = z.infer<typeof RegisterRequestSchema>;

export const LoginRequestSchema = z.strictObject({
  email: EmailSchema,
  password: z.string({ message: 'Password is required' }).min(1, { message: 'Password is required' }).max(128),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** Browser clients send nothing (the cookie carries the token); API clients send it here. */
export const RefreshRequestSchema = z.strictObject({
  refreshToken: z.string().min(1).max(512).optional(),
});
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

export const LogoutRequestSchema = RefreshRequestSchema;
export type LogoutRequest = RefreshRequest;

/** A guest keeps every story, game and chat when upgraded. */
export const UpgradeGuestRequestSchema = RegisterRequestSchema;
export type UpgradeGuestRequest = RegisterRequest;

export const UserSchema = z.object({
  id: UuidSchema,
  email: z.string().nullable(),
  displayName: z.string(),
  role: RoleSchema,
  isGuest: z.boolean(),
  createdAt: TimestampSchema,
});
export type User = z.infer<typeof UserSchema>;

export const AuthSessionSchema = z.object({
  user: UserSchema,
  accessToken: z.string(),
  accessTokenExpiresAt: TimestampSchema,
  /** Present only for API clients; browsers receive it as an httpOnly cookie. */
  refreshToken: z.string().optional(),
});
export type AuthSession = z.infer<typeof AuthSessionSchema>;

export const QuotaStatusSchema = z.object({
  userType: UserTypeSchema,
  /** null means unlimited. */
  limit: z.number().int().nullable(),
  used: z.number().int(),
  remaining: z.number().int().nullable(),
  resetsAt: TimestampSchema,
});
export type QuotaStatus = z.infer<typeof QuotaStatusSchema>;

/** The web app sends this header so the refresh token stays in the httpOnly cookie only. */
export const REFRESH_TRANSPORT_HEADER = 'x-refresh-transport';
export const REFRESH_COOKIE_NAME = 'storyos_refresh';
/**
 * Set beside the refresh cookie (same lifetime, cleared with it) but
 * readable by the page: it holds no secret, only that a session may be
 * restored, so a signed-out page does not ask (and get a 401) on every load.
 */
export const SESSION_HINT_COOKIE_NAME = 'storyos_session';
