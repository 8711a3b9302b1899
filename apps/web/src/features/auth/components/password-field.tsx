import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';

interface PasswordFieldProps {
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  error?: string;
  describedBy?: string;
}

export function PasswordField({ value, onChange, autoComplete, error, describedBy }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const id = useId();
  // Our own describedby replaces MUI's, so it must name the error text too.
  const describedByIds = [error ? `${id}-helper-text` : null, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <TextField
      id={id}
      label="Password"
      name="password"
      type={visible ? 'text' : 'password'}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete={autoComplete}
      required
      error={Boolean(error)}
      helperText={error}
      slotProps={{
        htmlInput: { 'aria-describedby': describedByIds },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                aria-label={visible ? 'Hide password' : 'Show password'}
                onClick={() => setVisible((shown) => !shown)}
                edge="end"
              >
                {visible ? <VisibilityOff /> : <Visibility />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
