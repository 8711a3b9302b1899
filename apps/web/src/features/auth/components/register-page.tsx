import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { splitFieldErrors } from '../field-errors';
import { useReturnPath } from '../hooks/use-return-path';
import { useRegisterMutation } from '../queries';
import { ACCOUNT_FIELDS, AccountFields, emptyAccountValues, toAccountRequest } from './account-fields';
import { AuthLayout } from './auth-layout';
import { FieldProblems } from './field-problems';

export function RegisterPage() {
  const navigate = useNavigate();
  const { search } = useLocation();
  const returnPath = useReturnPath();
  const [values, setValues] = useState(emptyAccountValues);
  const register = useRegisterMutation();
  const { byField, other, summary } = splitFieldErrors(register.error, ACCOUNT_FIELDS);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(toAccountRequest(values), { onSuccess: () => navigate(returnPath, { replace: true }) });
  };

  return (
    <AuthLayout title="Create your account" subtitle="Play, write and create stories with AI.">
      <ErrorAlert error={register.error} summary={summary}>
        <FieldProblems problems={other} />
      </ErrorAlert>
      <form onSubmit={onSubmit} noValidate>
        <AccountFields values={values} onChange={setValues} errors={byField} />
        <Button type="submit" variant="contained" size="large" fullWidth disabled={register.isPending} sx={{ mt: 2 }}>
          {register.isPending ? 'Creating account…' : 'Create account'}
        </Button>
      </form>
      <Typography sx={{ mt: 3 }}>
        Already have an account?{' '}
        <Link component={RouterLink} to={`/login${search}`}>
          Sign in
        </Link>
      </Typography>
    </AuthLayout>
  );
}
