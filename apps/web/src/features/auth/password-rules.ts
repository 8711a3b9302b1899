/** The rules of the contracts' PasswordSchema, one check per line so users see what is still missing. */
export const PASSWORD_CHECKS = [
  { label: '8 to 128 characters', test: (value: string) => value.length >= 8 && value.length <= 128 },
  { label: 'At least one letter', test: (value: string) => /\p{L}/u.test(value) },
  { label: 'At least one digit', test: (value: string) => /\d/.test(value) },
] as const;
