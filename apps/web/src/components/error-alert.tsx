import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { isApiError, isUnexpected } from '../lib/api-error';

interface ErrorAlertProps {
  error: unknown;
  /** Replaces the server message, e.g. when the form already shows each problem at its field. */
  summary?: string;
  /** Extra lines under the message, e.g. field problems no input on screen can show. */
  children?: ReactNode;
}

/** An API failure in plain words; for an unexpected one, the request id lets support find it in the logs. */
export function ErrorAlert({ error, summary, children }: ErrorAlertProps) {
  if (!error) return null;
  const message = summary ?? (error instanceof Error ? error.message : 'Something went wrong. Please try again.');
  const requestId = isApiError(error) && isUnexpected(error) ? error.requestId : undefined;
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      {message}
      {children}
      {requestId && (
        <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 0.5 }}>
          Reference: {requestId}
        </Typography>
      )}
    </Alert>
  );
}
