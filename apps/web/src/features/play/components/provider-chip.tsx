import MemoryOutlined from '@mui/icons-material/MemoryOutlined';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { ProviderInfo } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { playQueries } from '../queries';

export function providerLabel(info: ProviderInfo): string {
  // The builtin engine's detail names the model and the planner; a hosted provider is best known by its model.
  return info.provider === 'builtin' ? `Story engine: builtin (${info.detail || info.model})` : `Story engine: ${info.model}`;
}

/** Which engine writes the story, said plainly; hidden while the API does not report it. */
export function ProviderChip() {
  const provider = useQuery(playQueries.provider());
  if (!provider.data) return null;
  const info = provider.data;
  return (
    <Tooltip title={info.provider === 'builtin' ? `Offline engine, model ${info.model}` : info.detail}>
      <Chip size="small" variant="outlined" icon={<MemoryOutlined />} label={providerLabel(info)} sx={{ maxWidth: '100%' }} />
    </Tooltip>
  );
}
