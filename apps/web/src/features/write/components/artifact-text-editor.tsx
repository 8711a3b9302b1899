import Alert from '@mui/material/Alert';
import { EditConflictDetailsSchema, EditTextArtifactRequestSchema, MAX_STORY_TEXT, type Story, type StoryArtifact } from '@storyos/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { storiesApi } from '../api';
import { draftKey, localDraftStore } from '../autosave';
import { ConflictDialog, ConflictText } from '../../../components/conflict-dialog';
import { baseOf, useAdoptedVersion } from '../hooks/use-adopted-version';
import { useAutosave } from '../hooks/use-autosave';
import { useStepShortcuts } from '../hooks/use-shortcuts';
import { setCurrentArtifact, storyKeys } from '../queries';
import { SaveIndicator } from './save-indicator';
import { TextEditor, type TextView } from './text-editor';

export type FlushRef = RefObject<(() => Promise<boolean>) | null>;

interface ArtifactTextEditorProps {
  story: Story;
  kind: 'premise' | 'story';
  label: string;
  helperText?: string;
  disabled?: boolean;
  minRows?: number;
  /** Filled with "save now", so the step can save pending edits before it generates. */
  flushRef: FlushRef;
  /** The version a generation just replaced: one undo away. */
  previous?: StoryArtifact | null;
  /** Shows the text formatted, with an Edit switch (the story text). */
  formatted?: (text: string) => ReactNode;
  view?: TextView;
  onViewChange?: (view: TextView) => void;
}

const KIND_LABELS = { premise: 'premise', story: 'story text' } as const;

function problemWith(text: string): string | null {
  const parsed = EditTextArtifactRequestSchema.shape.text.safeParse(text);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'The text cannot be saved as it is.');
}

/** The premise or the story text, edited by hand and saved as you type. */
export function ArtifactTextEditor(props: ArtifactTextEditorProps) {
  const artifact = props.story[props.kind];
  const { editorKey, markOwn, reopen } = useAdoptedVersion(baseOf(artifact));
  return <VersionEditor key={editorKey} {...props} artifact={artifact} onSaved={markOwn} onReopen={reopen} />;
}

interface VersionEditorProps extends ArtifactTextEditorProps {
  artifact: StoryArtifact | null;
  onSaved: (saved: StoryArtifact) => void;
  onReopen: () => void;
}

function VersionEditor({ story, kind, label, helperText, disabled, minRows, flushRef, artifact, onSaved, onReopen, previous, formatted, view, onViewChange }: VersionEditorProps) {
  const queryClient = useQueryClient();
  // The version the last save landed in: a rewrite's selection is read from it.
  const savedBase = useRef(baseOf(artifact));
  const [drafts] = useState(() => localDraftStore<string>(draftKey(story.id, kind)));
  const autosave = useAutosave<string, StoryArtifact | null>({
    base: baseOf(artifact),
    serverValue: artifact?.text ?? '',
    drafts,
    validate: problemWith,
    same: (a, b) => a === b,
    save: async (text, base) => {
      const saved = await storiesApi.saveText(story.id, kind, text, base);
      // Mark the revision as ours before the story shows it, so the editor is not opened afresh under the caret.
      onSaved(saved);
      setCurrentArtifact(queryClient, story.id, saved);
      void queryClient.invalidateQueries({ queryKey: storyKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: storyKeys.versionsOf(story.id, kind) });
      savedBase.current = baseOf(saved);
      return baseOf(saved);
    },
    currentOf: (details) => {
      const current = EditConflictDetailsSchema.safeParse(details).data?.current;
      return current === undefined ? null : { value: current?.text ?? '', base: baseOf(current), raw: current };
    },
    onUseTheirs: (current) => {
      if (current) setCurrentArtifact(queryClient, story.id, current);
      void queryClient.invalidateQueries({ queryKey: storyKeys.detail(story.id) });
      onReopen();
    },
  });
  useEffect(() => {
    flushRef.current = autosave.flush;
  });
  useStepShortcuts({ save: () => void autosave.flush() });

  return (
    <>
      {autosave.restoredDraft && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Your unsaved changes from last time are back and being saved.
        </Alert>
      )}
      <TextEditor
        label={label}
        name={kind}
        initialValue={autosave.initial}
        previousValue={autosave.restoredDraft ? null : (previous?.text ?? null)}
        onChange={autosave.change}
        formatted={formatted}
        view={view}
        onViewChange={onViewChange}
        rewrite={{ storyId: story.id, kind, disabled, flush: autosave.flush, base: () => savedBase.current }}
        disabled={disabled}
        minRows={minRows}
        maxLength={MAX_STORY_TEXT}
        helperText={helperText}
        status={<SaveIndicator state={autosave.state} />}
      />
      {autosave.conflict && (
        <ConflictDialog
          open
          title={`The ${KIND_LABELS[kind]} changed elsewhere`}
          description={`While you were editing, the ${KIND_LABELS[kind]} was changed somewhere else (another tab, or text the story engine wrote). Your changes are not lost: choose which text to keep.`}
          mine={<ConflictText text={autosave.conflict.mine} />}
          theirs={<ConflictText text={autosave.conflict.theirs.value} />}
          onKeepMine={autosave.keepMine}
          onUseTheirs={autosave.useTheirs}
        />
      )}
    </>
  );
}
