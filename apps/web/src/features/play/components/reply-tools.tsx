import ChevronLeftRounded from '@mui/icons-material/ChevronLeftRounded';
import ChevronRightRounded from '@mui/icons-material/ChevronRightRounded';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ReplyContext, SwipePosition } from '@storyos/contracts';
import { disabledByFieldset, useBusy, WhileIdle } from '../../../components/busy';

/**
 * Arrows on the last reply to move between its alternatives, as SillyTavern
 * has them: the right arrow past the newest one writes another. They wait while the game is busy.
 */
export function SwipeArrows({ swipe, onChoose, onAnother }: { swipe: SwipePosition; onChoose: (index: number) => void; onAnother: () => void }) {
  const disabled = useBusy();
  const last = swipe.index === swipe.count - 1;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }} role="group" aria-label="Versions of this reply">
      <Tooltip title="Previous version">
        <span>
          <IconButton size="small" aria-label="Previous version of the reply" disabled={disabled || swipe.index === 0} onClick={() => onChoose(swipe.index - 1)}>
            <ChevronLeftRounded fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Typography variant="caption" color="text.secondary" aria-live="polite" sx={{ minWidth: '3.5em', textAlign: 'center' }}>
        {swipe.index + 1} / {swipe.count}
      </Typography>
      <Tooltip title={last ? 'Write another version' : 'Next version'}>
        <span>
          <IconButton size="small" aria-label={last ? 'Write another version of the reply' : 'Next version of the reply'} disabled={disabled} onClick={() => (last ? onAnother() : onChoose(swipe.index + 1))}>
            <ChevronRightRounded fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    </Stack>
  );
}

/** Opens the editor of one message; it waits while the game is busy. */
export function EditButton({ label, onEdit }: { label: string; onEdit: () => void }) {
  return (
    <Tooltip title="Edit">
      <span>
        <WhileIdle>
          <IconButton size="small" aria-label={label} onClick={onEdit} sx={disabledByFieldset}>
            <EditOutlined fontSize="small" />
          </IconButton>
        </WhileIdle>
      </span>
    </Tooltip>
  );
}

/** What the reply's prompt held besides the story: the memory, the author's note, the story cards it used. */
export function UsedContext({ context }: { context: ReplyContext | null }) {
  if (!context || (!context.memory && !context.authorsNote && context.cards.length === 0)) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5 }}>
      <Typography variant="caption" color="text.secondary" component="span">
        Used:
      </Typography>
      <Box component="ul" aria-label="What this reply was written with" sx={{ display: 'contents', listStyle: 'none', m: 0, p: 0 }}>
        {context.memory && <Chip component="li" size="small" variant="outlined" label="Memory" />}
        {context.authorsNote && <Chip component="li" size="small" variant="outlined" label="Author's note" />}
        {context.cards.map((card) => (
          <Chip component="li" key={card.id} size="small" variant="outlined" color="primary" label={`Card: ${card.title}`} />
        ))}
      </Box>
    </Box>
  );
}
