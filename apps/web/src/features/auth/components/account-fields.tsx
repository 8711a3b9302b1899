import TextField from '@mui/material/TextField';
import { useId } from 'react';
import { PasswordField } from './password-field';
import { PasswordRulesList } from './password-rules-list';

export interface AccountValues {
  displayName: string;
  email: string;
  password: string;
}

export const ACCOUNT_FIELDS = ['displayName', 'email', 'password'] as const;
export const emptyAccountValues: AccountValues = { displayName: '', email: '', password: '' };

interface AccountFieldsProps {
  values: AccountValues;
  onChange: (values: AccountValues) => void;
  errors: Partial<Record<string, string>>;
}

/** The fields of a new account, shared by registration and the guest upgrade. */
export function AccountFields({ values, onChange, errors }: AccountFieldsProps) {
  const rulesId = useId();
  const set = (field: keyof AccountValues) => (value: string) => onChange({ ...values, [field]: value });
  return (
    <>
      <TextField
        label="Display name"
        name="displayName"
        value={values.displayName}
        onChange={(event) => set('displayName')(event.target.value)}
        autoComplete="nickname"
        error={Boolean(errors.displayName)}
        helperText={errors.displayName ?? 'Optional. Shown on your stories.'}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        value={values.email}
        onChange={(event) => set('email')(event.target.value)}
        autoComplete="email"
        required
        error={Boolean(errors.email)}
        helperText={errors.email}
      />
      <PasswordField
        value={values.password}
        onChange={set('password')}
        autoComplete="new-password"
        error={errors.password}
        describedBy={rulesId}
      />
      <PasswordRulesList id={rulesId} password={values.password} />
    </>
  );
}

/** Request body from the form: an empty display name means "use the default", so it is left out. */
export function toAccountRequest(values: AccountValues) {
  const displayName = values.displayName.trim();
  return { email: values.email, password: values.password, ...(displayName ? { displayName } : {}) };
}
