import ExpandMoreRounded from '@mui/icons-material/ExpandMoreRounded';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type SystemPrompt, SystemPromptConflictDetailsSchema, type SystemPromptKind } from '@storyos/contracts';
import { type FormEvent, useState } from 'react';
import { ConflictDialog, ConflictText } from '../../../components/conflict-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { FieldProblems } from '../../auth/components/field-problems';
import { splitFieldErrors } from '../../auth/field-errors';
import { useActivatePromptMutation, useCreatePromptVersionMutation } from '../queries';
import { SystemCard } from './system-card';

const MAX_PROMPT = 20_000;

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function PromptText({ content }: { content: string }) {
  return (
    <Box
      component="pre"
      sx={{
        m: 0,
        p: 2,
        maxHeight: 320,
        overflow: 'auto',
        whiteSpace: 'pre-wrap',
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        fontSize: '0.85rem',
        bgcolor: 'action.hover',
        borderRadius: 2,
      }}
    >
      {content}
    </Box>
  );
}

/** The 409 of a save made while someone else saved a newer version: their version, for the admin to compare. */
function newerVersionOf(error: unknown): SystemPrompt | null | undefined {
  if (!isApiError(error) || error.code !== 'CONFLICT') return undefined;
  return SystemPromptConflictDetailsSchema.safeParse(error.details).data?.current;
}

/**
 * A new version, written from the active one. It names the newest version the
 * admin had seen; when another admin saved one meanwhile, both texts are shown
 * and nothing is overwritten unseen. Versions arriving in the list while the
 * admin types do not reset what they typed.
 */
function NewVersionForm({ kind, active, newest }: { kind: SystemPromptKind; active: SystemPrompt | undefined; newest: number }) {
  const [content, setContent] = useState(active?.content ?? '');
  const [baseVersion, setBaseVersion] = useState(newest);
  const [note, setNote] = useState('');
  const [activate, setActivate] = useState(true);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const create = useCreatePromptVersionMutation(kind);
  const conflict = newerVersionOf(create.error);
  const { byField, other, summary } = splitFieldErrors(conflict === undefined ? create.error : null, ['content', 'note']);

  const save = (base: number) => {
    setSavedVersion(null);
    create.mutate(
      { content, note: note.trim() || undefined, activate, baseVersion: base },
      {
        onSuccess: (prompt) => {
          setSavedVersion(prompt.version);
          setBaseVersion(prompt.version);
          setNote('');
        },
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(baseVersion);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`New ${kind} version`}>
      {conflict !== undefined && (
        <ConflictDialog
          open
          title="A newer version was saved meanwhile"
          description={
            conflict
              ? `Version ${conflict.version} was saved${conflict.createdBy ? ` by ${conflict.createdBy.displayName}` : ''} after you opened this page. Your text is not saved yet: choose which one to keep.`
              : 'The version you started from no longer exists. Your text is not saved yet: keep it as a new version, or start again from the newest one.'
          }
          mine={<ConflictText text={content} />}
          theirs={<ConflictText text={conflict?.content ?? ''} />}
          theirsLabel={conflict ? `Version ${conflict.version}` : 'The newest version'}
          onKeepMine={() => save(conflict?.version ?? 0)}
          onUseTheirs={() => {
            setContent(conflict?.content ?? '');
            setBaseVersion(conflict?.version ?? 0);
            create.reset();
          }}
        />
      )}
      <ErrorAlert error={conflict === undefined ? create.error : null} summary={summary}>
        <FieldProblems problems={other} />
      </ErrorAlert>
      {savedVersion !== null && (
        <Alert severity="success" role="status" sx={{ my: 1 }}>
          Version {savedVersion} saved{activate ? ' and active' : ''}.
        </Alert>
      )}
      <TextField
        label="Prompt"
        name="content"
        multiline
        minRows={6}
        maxRows={18}
        value={content}
        onChange={(event) => setContent(event.target.value)}
        error={Boolean(byField['content'])}
        helperText={byField['content'] ?? `${content.length.toLocaleString('en-US')} / ${MAX_PROMPT.toLocaleString('en-US')} characters, at least 20`}
        slotProps={{ htmlInput: { maxLength: MAX_PROMPT, sx: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.9rem' } } }}
      />
      <TextField
        label="Note"
        name="note"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={Boolean(byField['note'])}
        helperText={byField['note'] ?? 'Optional: what changed and why.'}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mt: 1 }}>
        <FormControlLabel
          control={<Checkbox checked={activate} onChange={(event) => setActivate(event.target.checked)} />}
          label="Make this version active"
        />
        <Button type="submit" variant="contained" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save new version'}
        </Button>
      </Stack>
    </form>
  );
}

function VersionHistory({ kind, versions }: { kind: SystemPromptKind; versions: SystemPrompt[] }) {
  const activateVersion = useActivatePromptMutation(kind);
  return (
    <Box component="section" aria-label="Version history">
      <ErrorAlert error={activateVersion.error} />
      {versions.map((prompt) => (
        <Accordion key={prompt.id} disableGutters variant="outlined" slotProps={{ transition: { unmountOnExit: true } }}>
          <AccordionSummary expandIcon={<ExpandMoreRounded />}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', minWidth: 0 }}>
              <Typography sx={{ fontWeight: 600 }}>Version {prompt.version}</Typography>
              {prompt.isActive && <Chip size="small" color="success" label="Active" />}
              <Typography variant="body2" color="text.secondary">
                {dateTime.format(new Date(prompt.createdAt))}
                {prompt.createdBy ? ` · ${prompt.createdBy.displayName}` : ''}
                {prompt.note ? ` · ${prompt.note}` : ''}
              </Typography>
            </Stack>
          </AccordionSummary>
          <AccordionDetails>
            <PromptText content={prompt.content} />
            {!prompt.isActive && (
              <Button
                sx={{ mt: 1.5 }}
                variant="outlined"
                onClick={() => activateVersion.mutate(prompt.version)}
                disabled={activateVersion.isPending}
                aria-label={`Make version ${prompt.version} active`}
              >
                Make active
              </Button>
            )}
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
}

/** One kind of system prompt: what is active, a new version, and every earlier one. */
export function SystemPromptEditor({ kind, title, versions }: { kind: SystemPromptKind; title: string; versions: SystemPrompt[] }) {
  const active = versions.find((prompt) => prompt.isActive);
  const newest = Math.max(0, ...versions.map((prompt) => prompt.version));
  return (
    <Stack spacing={2}>
      <SystemCard title={active ? `Active: version ${active.version}` : 'No active version'}>
        {active ? (
          <PromptText content={active.content} />
        ) : (
          <Typography color="text.secondary">Generations use the built-in {title.toLowerCase()} prompt until a version is active.</Typography>
        )}
      </SystemCard>
      <SystemCard title="New version">
        <NewVersionForm kind={kind} active={active} newest={newest} />
      </SystemCard>
      <SystemCard title="History">
        {versions.length === 0 ? <Typography color="text.secondary">No versions yet.</Typography> : <VersionHistory kind={kind} versions={versions} />}
      </SystemCard>
    </Stack>
  );
}
