import { PasswordSchema } from '@storyos/contracts';
import { PASSWORD_CHECKS } from './password-rules';

const allMet = (value: string) => PASSWORD_CHECKS.every((rule) => rule.test(value));

describe('password rules shown on the register form', () => {
  it.each(['short1', 'onlyletters', '12345678', 'good-pass1', 'ünïcødé99', 'a1'.repeat(65)])(
    'agree with the API schema for %p',
    (value) => {
      expect(allMet(value)).toBe(PasswordSchema.safeParse(value).success);
    },
  );
});
