import Alert from '@mui/material/Alert';
import { EditTextArtifactRequestSchema, MAX_STORY_TEXT, type Story, type StoryArtifact } from '@storyos/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useState } from 'react';
import { storiesApi } from '../api';
import { draftKey, localDraftStore } from '../autosave';
import { useAdoptedVersion } from '../hooks/use-adopted-version';
import { useAutosave } from '../hooks/use-autosave';
import { useStepShortcuts } from '../hooks/use-shortcuts';
import { setCurrentArtifact, storyKeys } from '../queries';
import { SaveIndicator } from './save-indicator';
import { TextEditor } from './text-editor';

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
}

function problemWith(text: string): string | null {
  const parsed = EditTextArtifactRequestSchema.safeParse({ text });
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'The text cannot be saved as it is.');
}

/** The premise or the story text, edited by hand and saved as you type. */
export function ArtifactTextEditor(props: ArtifactTextEditorProps) {
  const artifact = props.story[props.kind];
  const { editorKey, markOwn } = useAdoptedVersion(artifact?.id ?? null);
  return <VersionEditor key={editorKey} {...props} artifact={artifact} onSaved={markOwn} />;
}

interface VersionEditorProps extends ArtifactTextEditorProps {
  artifact: StoryArtifact | null;
  onSaved: (id: string) => void;
}

function VersionEditor({ story, kind, label, helperText, disabled, minRows, flushRef, artifact, onSaved }: VersionEditorProps) {
  const queryClient = useQueryClient();
  const [drafts] = useState(() => localDraftStore<string>(draftKey(story.id, kind)));
  const autosave = useAutosave<string>({
    current: artifact ? { id: artifact.id, createdAt: artifact.createdAt } : null,
    serverValue: artifact?.text ?? '',
    drafts,
    validate: problemWith,
    save: async (text) => {
      const saved = kind === 'premise' ? await storiesApi.savePremise(story.id, text) : await storiesApi.saveStory(story.id, text);
      // Mark the version as ours before the story shows it, so the editor is not opened afresh under the caret.
      onSaved(saved.id);
      setCurrentArtifact(queryClient, story.id, saved);
      void queryClient.invalidateQueries({ queryKey: storyKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: storyKeys.versionsOf(story.id, kind) });
      return saved.id;
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
        onChange={autosave.change}
        disabled={disabled}
        minRows={minRows}
        maxLength={MAX_STORY_TEXT}
        helperText={helperText}
        status={<SaveIndicator state={autosave.state} />}
      />
    </>
  );
}
