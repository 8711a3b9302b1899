import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import type { StoryConversation } from '@storyos/contracts';
import { Link as RouterLink } from 'react-router';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { requirementLines } from '../requirements-view';

/** My last conversations, each with the requirements it produced; opening one picks it up where it was. */
export function ConversationHistory({ conversations }: { conversations: readonly StoryConversation[] }) {
  return (
    <List aria-label="My last conversations" sx={{ p: 0 }}>
      {conversations.map((conversation) => {
        const known = requirementLines(conversation.requirements).filter((line) => line.value !== null);
        return (
          <ListItemButton key={conversation.id} component={RouterLink} to={`/create/c/${conversation.id}`} divider sx={{ alignItems: 'flex-start' }}>
            <ListItemText
              primary={conversation.title}
              secondary={
                <Stack component="span" spacing={0.5} sx={{ mt: 0.5 }}>
                  <span>
                    {formatRelativeTime(conversation.updatedAt)} · {conversation.ready ? 'Ready to make' : `${conversation.missing.length} still needed`}
                    {conversation.storyIds.length > 0 ? ' · story made' : ''}
                  </span>
                  <Stack component="span" direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                    {known.map((line) => (
                      <Chip key={line.field} component="span" size="small" variant="outlined" label={`${line.label}: ${line.value}`} sx={{ maxWidth: '100%' }} />
                    ))}
                  </Stack>
                </Stack>
              }
              slotProps={{ secondary: { component: 'div' } }}
            />
          </ListItemButton>
        );
      })}
    </List>
  );
}
