import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { splitFieldErrors } from '../field-errors';
import { useReturnPath } from '../hooks/use-return-path';
import { useSession } from '../hooks/use-session';
import { useGuestMutation, useLoginMutation } from '../queries';
import { AuthLayout } from './auth-layout';
import { PasswordField } from './password-field';

export function LoginPage() {
  const navigate = useNavigate();
  const { search } = useLocation();
  const returnPath = useReturnPath();
  const { endReason } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLoginMutation();
  const guest = useGuestMutation();
  const busy = login.isPending || guest.isPending;
  const { byField, summary } = splitFieldErrors(login.error, ['email', 'password']);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    guest.reset();
    login.mutate({ email, password }, { onSuccess: () => navigate(returnPath, { replace: true }) });
  };

  const onGuest = () => {
    login.reset();
    guest.mutate(undefined, { onSuccess: () => navigate(returnPath, { replace: true }) });
  };

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back to StoryOS.">
      {endReason === 'expired' && !login.error && (
        <Alert severity="info" sx={{ my: 2 }}>
          Your session has ended. Please sign in again.
        </Alert>
      )}
      <ErrorAlert error={login.error ?? guest.error} summary={login.error ? summary : undefined} />
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          autoComplete="email"
          required
          autoFocus
          error={Boolean(byField.email)}
          helperText={byField.email}
        />
        <PasswordField value={password} onChange={setPassword} autoComplete="current-password" error={byField.password} />
        <Button type="submit" variant="contained" size="large" fullWidth disabled={busy} sx={{ mt: 2 }}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <Divider sx={{ my: 3 }}>or</Divider>
      <Button variant="outlined" size="large" fullWidth onClick={onGuest} disabled={busy}>
        {guest.isPending ? 'Starting…' : 'Continue as guest'}
      </Button>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Try StoryOS without an account. You can save your work to an account later.
      </Typography>
      <Typography sx={{ mt: 3 }}>
        New to StoryOS?{' '}
        <Link component={RouterLink} to={`/register${search}`}>
          Create an account
        </Link>
      </Typography>
    </AuthLayout>
  );
}
