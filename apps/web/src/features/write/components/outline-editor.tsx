import AddRounded from '@mui/icons-material/AddRounded';
import ArrowDownwardRounded from '@mui/icons-material/ArrowDownwardRounded';
import ArrowUpwardRounded from '@mui/icons-material/ArrowUpwardRounded';
import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { EditConflictDetailsSchema, MAX_OUTLINE_CHAPTERS, type OutlineChapter, OutlineSchema, type Story, type StoryArtifact } from '@storyos/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { ConflictDialog } from '../../../components/conflict-dialog';
import { visuallyHidden } from '../../../components/visually-hidden';
import { storiesApi } from '../api';
import { draftKey, localDraftStore } from '../autosave';
import { createHistory, type EditorHistory, historyCommand, recordChangeNow, redo, undo } from '../editor-history';
import { baseOf, useAdoptedVersion } from '../hooks/use-adopted-version';
import { useAutosave } from '../hooks/use-autosave';
import { useStepShortcuts } from '../hooks/use-shortcuts';
import { addChapter, canAddChapter, moveChapter, removeChapter, updateChapter } from '../outline-ops';
import { setCurrentArtifact, storyKeys } from '../queries';
import type { FlushRef } from './artifact-text-editor';
import { HistoryButtons } from './history-buttons';
import { SaveIndicator } from './save-indicator';

const sameChapters = (a: readonly OutlineChapter[], b: readonly OutlineChapter[]) => JSON.stringify(a) === JSON.stringify(b);

function problemWith(chapters: OutlineChapter[]): string | null {
  const parsed = OutlineSchema.safeParse({ chapters });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const chapter = typeof issue?.path[1] === 'number' ? `chapter ${issue.path[1] + 1}: ` : '';
  return `${chapter}${issue?.message ?? 'the outline cannot be saved as it is'}`;
}

interface OutlineEditorProps {
  story: Story;
  disabled: boolean;
  flushRef: FlushRef;
  /** The outline a generation just replaced: one undo away. */
  previous?: StoryArtifact | null;
}

/** The outline as a list of chapters: add, remove, reorder, edit; saved as you go. */
export function OutlineEditor(props: OutlineEditorProps) {
  const { editorKey, markOwn, reopen } = useAdoptedVersion(baseOf(props.story.outline));
  return <OutlineVersionEditor key={editorKey} {...props} artifact={props.story.outline} onSaved={markOwn} onReopen={reopen} />;
}

interface OutlineVersionEditorProps extends OutlineEditorProps {
  artifact: StoryArtifact | null;
  onSaved: (saved: StoryArtifact) => void;
  onReopen: () => void;
}

function OutlineVersionEditor({ story, disabled, flushRef, artifact, onSaved, onReopen, previous }: OutlineVersionEditorProps) {
  const queryClient = useQueryClient();
  const [drafts] = useState(() => localDraftStore<OutlineChapter[]>(draftKey(story.id, 'outline')));
  const autosave = useAutosave<OutlineChapter[], StoryArtifact | null>({
    base: baseOf(artifact),
    serverValue: artifact?.outline?.chapters ?? [],
    drafts,
    validate: problemWith,
    same: sameChapters,
    save: async (chapters, base) => {
      const saved = await storiesApi.saveOutline(story.id, { chapters }, base);
      onSaved(saved);
      setCurrentArtifact(queryClient, story.id, saved);
      void queryClient.invalidateQueries({ queryKey: storyKeys.versionsOf(story.id, 'outline') });
      return baseOf(saved);
    },
    currentOf: (details) => {
      const current = EditConflictDetailsSchema.safeParse(details).data?.current;
      return current === undefined ? null : { value: current?.outline?.chapters ?? [], base: baseOf(current), raw: current };
    },
    onUseTheirs: (current) => {
      if (current) setCurrentArtifact(queryClient, story.id, current);
      void queryClient.invalidateQueries({ queryKey: storyKeys.detail(story.id) });
      onReopen();
    },
  });
  const [history, setHistory] = useState<EditorHistory<OutlineChapter[]>>(() =>
    createHistory(autosave.initial, autosave.restoredDraft ? null : (previous?.outline?.chapters ?? null), sameChapters),
  );
  const [announcement, setAnnouncement] = useState('');
  const focusTarget = useRef<string | null>(null);
  const chapters = history.present;

  useEffect(() => {
    flushRef.current = autosave.flush;
  });
  useStepShortcuts({ save: () => void autosave.flush() });

  // After a move or removal, the focus follows the chapter (or lands on its neighbour).
  useEffect(() => {
    if (!focusTarget.current) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  });
  const setFocusTarget = (id: string) => {
    focusTarget.current = id;
  };

  const commit = (next: EditorHistory<OutlineChapter[]>) => {
    setHistory(next);
    autosave.change(next.present);
  };
  const change = (next: OutlineChapter[], newStep: boolean) =>
    commit(recordChangeNow(history, next, newStep, sameChapters));

  const move = (index: number, direction: -1 | 1) => {
    const target = index + direction;
    change(moveChapter(chapters, index, direction), true);
    const atEnd = target === 0 || target === chapters.length - 1;
    setFocusTarget(`chapter-${target}-${atEnd ? (direction === -1 ? 'down' : 'up') : direction === -1 ? 'up' : 'down'}`);
    setAnnouncement(`Chapter moved to position ${target + 1} of ${chapters.length}.`);
  };
  const remove = (index: number) => {
    change(removeChapter(chapters, index), true);
    setAnnouncement(`Chapter ${index + 1} removed.`);
    setFocusTarget(chapters.length > 1 ? `chapter-${Math.min(index, chapters.length - 2)}-title` : 'add-chapter');
  };
  const add = () => {
    change(addChapter(chapters), true);
    setAnnouncement(`Chapter ${chapters.length + 1} added.`);
    setFocusTarget(`chapter-${chapters.length}-title`);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const command = historyCommand(event);
    if (!command) return;
    event.preventDefault();
    commit(command === 'undo' ? undo(history) : redo(history));
  };

  return (
    <Box onKeyDown={onKeyDown}>
      <Stack direction="row" role="toolbar" aria-label="Outline tools" sx={{ alignItems: 'center', gap: 0.5, flexWrap: 'wrap', mb: 1 }}>
        <HistoryButtons history={history} disabled={disabled} onChange={commit} />
        <Box sx={{ flexGrow: 1 }} />
        <SaveIndicator state={autosave.state} />
      </Stack>
      {chapters.length === 0 && (
        <Typography color="text.secondary" sx={{ my: 2 }}>
          No chapters yet. Generate an outline, or add chapters yourself.
        </Typography>
      )}
      <Stack component="ol" aria-label="Chapters" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {chapters.map((chapter, index) => (
          <Paper component="li" key={index} variant="outlined" aria-label={`Chapter ${index + 1}`} sx={{ p: { xs: 1.5, sm: 2 }, borderRadius: 2 }}>
            <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5, mb: 0.5 }}>
              <Typography variant="subtitle2" component="h3" color="text.secondary" sx={{ flexGrow: 1 }}>
                Chapter {index + 1}
              </Typography>
              <Tooltip title="Move up">
                <span>
                  <IconButton
                    id={`chapter-${index}-up`}
                    size="small"
                    aria-label={`Move chapter ${index + 1} up`}
                    onClick={() => move(index, -1)}
                    disabled={disabled || index === 0}
                  >
                    <ArrowUpwardRounded fontSize="small" />
                  </IconButton>
                </span>
              </Tooltip>
              <Tooltip title="Move down">
                <span>
                  <IconButton
                    id={`chapter-${index}-down`}
                    size="small"
                    aria-label={`Move chapter ${index + 1} down`}
                    onClick={() => move(index, 1)}
                    disabled={disabled || index === chapters.length - 1}
                  >
                    <ArrowDownwardRounded fontSize="small" />
                  </IconButton>
                </span>
              </Tooltip>
              <Tooltip title="Remove">
                <span>
                  <IconButton size="small" aria-label={`Remove chapter ${index + 1}`} onClick={() => remove(index)} disabled={disabled}>
                    <DeleteOutlineRounded fontSize="small" />
                  </IconButton>
                </span>
              </Tooltip>
            </Stack>
            <TextField
              id={`chapter-${index}-title`}
              label={`Chapter ${index + 1} title`}
              value={chapter.title}
              onChange={(event) => change(updateChapter(chapters, index, { title: event.target.value }), false)}
              disabled={disabled}
              margin="dense"
              size="small"
              required
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            <TextField
              label={`Chapter ${index + 1} summary`}
              value={chapter.summary}
              onChange={(event) => change(updateChapter(chapters, index, { summary: event.target.value }), false)}
              disabled={disabled}
              margin="dense"
              size="small"
              multiline
              minRows={2}
              required
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
          </Paper>
        ))}
      </Stack>
      <Button
        id="add-chapter"
        startIcon={<AddRounded />}
        onClick={add}
        disabled={disabled || !canAddChapter(chapters)}
        sx={{ mt: 1.5 }}
      >
        Add a chapter
      </Button>
      {!canAddChapter(chapters) && (
        <Typography variant="body2" color="text.secondary">
          An outline has at most {MAX_OUTLINE_CHAPTERS} chapters.
        </Typography>
      )}
      <Box role="status" sx={visuallyHidden}>
        {announcement}
      </Box>
      {autosave.conflict && (
        <ConflictDialog
          open
          title="The outline changed elsewhere"
          description="While you were editing, the outline was changed somewhere else (another tab, or a new outline the story engine wrote). Your changes are not lost: choose which outline to keep."
          mine={<ChapterList chapters={autosave.conflict.mine} />}
          theirs={<ChapterList chapters={autosave.conflict.theirs.value} />}
          onKeepMine={autosave.keepMine}
          onUseTheirs={autosave.useTheirs}
        />
      )}
    </Box>
  );
}

function ChapterList({ chapters }: { chapters: readonly OutlineChapter[] }) {
  return (
    <Box component="ol" sx={{ m: 0, pl: 3 }}>
      {chapters.map((chapter, index) => (
        <li key={index}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {chapter.title}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {chapter.summary}
          </Typography>
        </li>
      ))}
    </Box>
  );
}
