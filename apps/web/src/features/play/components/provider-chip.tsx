import MemoryOutlined from '@mui/icons-material/MemoryOutlined';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { ProviderInfo } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { playQueries } from '../queries';

/** Which engine writes, in words a player knows: the builtin one is the offline storyteller; a hosted one is known by its model. */
export function providerLabel(info: ProviderInfo): string {
  return info.provider === 'builtin' ? 'Offline storyteller' : `AI model: ${info.model}`;
}

function providerDetail(info: ProviderInfo): string {
  return info.provider === 'builtin' ? `Writes on this server, without any AI service: ${info.detail || info.model}.` : `Replies come from ${info.model} through the configured AI service.`;
}

/** Which engine writes the story, said plainly; hidden while the API does not report it. */
export function ProviderChip() {
  const provider = useQuery(playQueries.provider());
  if (!provider.data) return null;
  const info = provider.data;
  return (
    <Tooltip title={providerDetail(info)}>
      <Chip size="small" variant="outlined" icon={<MemoryOutlined />} label={providerLabel(info)} sx={{ maxWidth: '100%' }} />
    </Tooltip>
  );
}
