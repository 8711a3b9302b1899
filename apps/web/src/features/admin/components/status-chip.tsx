import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import Chip from '@mui/material/Chip';

export function StatusChip({ ok, label }: { ok: boolean; label: string }) {
  return (
    <Chip
      size="small"
      color={ok ? 'success' : 'error'}
      variant="outlined"
      icon={ok ? <CheckCircleOutlined /> : <ErrorOutlined />}
      label={label}
    />
  );
}
