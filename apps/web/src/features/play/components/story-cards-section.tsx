import AddRounded from '@mui/icons-material/AddRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { STORY_CARD_MAX_CHARS, StoryCardConflictDetailsSchema, type StoryCard, type StoryCardKind } from '@storyos/contracts';
import { useState } from 'react';
import { ConflictDialog, ConflictText } from '../../../components/conflict-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useStoryNotes } from '../queries';

const KINDS: Record<StoryCardKind, string> = { character: 'Character', place: 'Place', thing: 'Thing' };

/** "Maren, smuggler" → ["Maren", "smuggler"]. */
const parseKeywords = (text: string) => text.split(',').map((keyword) => keyword.trim()).filter(Boolean);

/** Story cards: characters, places and things the narrator is told about when their keywords come up. */
export function StoryCardsSection({ sessionId, cards }: { sessionId: string; cards: readonly StoryCard[] }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <Box component="section" aria-labelledby="story-cards-heading">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h3" id="story-cards-heading">
          Story cards
        </Typography>
        <Button startIcon={<AddRounded />} onClick={() => setEditing('new')} disabled={editing === 'new'}>
          New card
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        A card enters the narrator's prompt when one of its keywords appears in your input or the last few messages. Each reply shows the cards it used.
      </Typography>
      {editing === 'new' && <CardForm sessionId={sessionId} onDone={() => setEditing(null)} />}
      {cards.length === 0 && editing !== 'new' && <Typography color="text.secondary">No cards yet.</Typography>}
      <Stack component="ul" spacing={1.5} aria-label="Story cards" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {cards.map((card) => (
          <li key={card.id}>
            {editing === card.id ? (
              <CardForm sessionId={sessionId} card={card} onDone={() => setEditing(null)} />
            ) : (
              <CardView card={card} sessionId={sessionId} onEdit={() => setEditing(card.id)} />
            )}
          </li>
        ))}
      </Stack>
    </Box>
  );
}

function CardView({ card, sessionId, onEdit }: { card: StoryCard; sessionId: string; onEdit: () => void }) {
  const { deleteCard } = useStoryNotes(sessionId);
  return (
    <Paper variant="outlined" component="article" aria-label={card.title} sx={{ p: 1.5, borderRadius: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
          {card.title}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {KINDS[card.kind]} · keywords: {card.keywords.join(', ')}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', my: 0.5 }}>
        {card.content}
      </Typography>
      <ErrorAlert error={deleteCard.error} />
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button size="small" onClick={onEdit} aria-label={`Edit the card ${card.title}`}>
          Edit
        </Button>
        <Button size="small" color="error" onClick={() => deleteCard.mutate(card.id)} disabled={deleteCard.isPending} aria-label={`Delete the card ${card.title}`}>
          Delete
        </Button>
      </Stack>
    </Paper>
  );
}

function CardForm({ sessionId, card, onDone }: { sessionId: string; card?: StoryCard; onDone: () => void }) {
  const { createCard, updateCard } = useStoryNotes(sessionId);
  const [kind, setKind] = useState<StoryCardKind>(card?.kind ?? 'character');
  const [title, setTitle] = useState(card?.title ?? '');
  const [keywords, setKeywords] = useState(card?.keywords.join(', ') ?? '');
  const [content, setContent] = useState(card?.content ?? '');
  const [conflict, setConflict] = useState<StoryCard | null>(null);
  const mutation = card ? updateCard : createCard;
  const fields = () => ({ kind, title, keywords: parseKeywords(keywords), content });
  const problems = isApiError(mutation.error) ? mutation.error.fieldErrors() : {};

  const save = (baseVersion?: number) => {
    const onError = (error: unknown) => {
      const details = isApiError(error) && error.status === 409 ? StoryCardConflictDetailsSchema.safeParse(error.details) : null;
      if (details?.success) setConflict(details.data.current);
    };
    if (card) updateCard.mutate({ cardId: card.id, card: { ...fields(), baseVersion: baseVersion ?? card.version } }, { onSuccess: onDone, onError });
    else createCard.mutate(fields(), { onSuccess: onDone, onError });
  };
  const label = card ? `Edit the card ${card.title}` : 'New story card';

  return (
    <Paper variant="outlined" component="form" aria-label={label} onSubmit={(event) => { event.preventDefault(); save(); }} sx={{ p: 2, borderRadius: 2, mb: 1.5 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <TextField select label="Kind" value={kind} onChange={(event) => setKind(event.target.value as StoryCardKind)} margin="dense" sx={{ minWidth: 140 }} fullWidth={false}>
          {(Object.keys(KINDS) as StoryCardKind[]).map((key) => (
            <MenuItem key={key} value={key}>
              {KINDS[key]}
            </MenuItem>
          ))}
        </TextField>
        <TextField label="Title" value={title} onChange={(event) => setTitle(event.target.value.slice(0, 80))} margin="dense" error={Boolean(problems['title'])} helperText={problems['title']} />
      </Stack>
      <TextField
        label="Keywords"
        value={keywords}
        onChange={(event) => setKeywords(event.target.value)}
        margin="dense"
        error={Boolean(problems['keywords'] ?? Object.entries(problems).find(([path]) => path.startsWith('keywords.'))?.[1])}
        helperText={problems['keywords'] ?? Object.entries(problems).find(([path]) => path.startsWith('keywords.'))?.[1] ?? 'Separated by commas, e.g. "Maren, smuggler"'}
      />
      <TextField
        label="Card text"
        multiline
        minRows={2}
        value={content}
        onChange={(event) => setContent(event.target.value.slice(0, STORY_CARD_MAX_CHARS))}
        margin="dense"
        error={Boolean(problems['content'])}
        helperText={problems['content'] ?? `${content.length} / ${STORY_CARD_MAX_CHARS}`}
      />
      {!isApiError(mutation.error) || (mutation.error.status !== 409 && mutation.error.code !== 'VALIDATION_FAILED') ? <ErrorAlert error={mutation.error} /> : null}
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', mt: 1 }}>
        <Button onClick={onDone} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" disabled={mutation.isPending}>
          {card ? 'Save card' : 'Add card'}
        </Button>
      </Stack>
      <ConflictDialog
        open={conflict !== null}
        title="This card changed meanwhile"
        description="It was saved in another tab or window after you opened it. Keep yours, or take the one saved there."
        mine={<ConflictText text={`${title}\n${keywords}\n\n${content}`} />}
        theirs={<ConflictText text={`${conflict?.title ?? ''}\n${conflict?.keywords.join(', ') ?? ''}\n\n${conflict?.content ?? ''}`} />}
        theirsLabel="The card saved meanwhile"
        onKeepMine={() => {
          const version = conflict?.version;
          setConflict(null);
          save(version);
        }}
        onUseTheirs={() => {
          setConflict(null);
          onDone();
        }}
      />
    </Paper>
  );
}
