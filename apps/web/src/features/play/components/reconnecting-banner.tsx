import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import { useEffect, useState } from 'react';
import { useSocketConnected } from '../../../lib/use-socket-connected';

/** The first connect takes a moment; only a connection that stays down that long is worth a banner. */
const GRACE_MS = 1000;

export function ReconnectingBanner() {
  const connected = useSocketConnected();
  const [longDown, setLongDown] = useState(false);

  useEffect(() => {
    if (connected) return;
    const timer = setTimeout(() => setLongDown(true), GRACE_MS);
    return () => {
      clearTimeout(timer);
      setLongDown(false);
    };
  }, [connected]);

  if (connected || !longDown) return null;
  return (
    <Alert severity="warning" role="status" icon={<CircularProgress size={18} color="inherit" aria-hidden />} sx={{ mb: 1.5 }}>
      Reconnecting… The story continues where it left off once the connection is back.
    </Alert>
  );
}
