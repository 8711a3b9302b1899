import AutoStoriesRounded from '@mui/icons-material/AutoStoriesRounded';
import PlayArrowRounded from '@mui/icons-material/PlayArrowRounded';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { Story } from '@storyos/contracts';
import { useRef } from 'react';
import { usePhaseGeneration } from '../hooks/use-phase-generation';
import { useStepShortcuts } from '../hooks/use-shortcuts';
import { blockedReason, stepPath, stepReadiness } from '../phases';
import { ArtifactTextEditor } from './artifact-text-editor';
import { ChapterMediaPanel } from './chapter-media-panel';
import { GenerationNotices } from './generation-notices';
import { LiveText } from './live-text';
import { StepLayout } from './step-layout';
import { VersionPicker } from './version-picker';

export function WritingStep({ story }: { story: Story }) {
  const generation = usePhaseGeneration(story, ['start', 'continue', 'extend']);
  const flushRef = useRef<(() => Promise<boolean>) | null>(null);
  const started = Boolean(story.story?.text?.trim());
  const ready = stepReadiness(story);
  const continuing = story.activePhase === 'continue';
  const extending = story.activePhase === 'extend';
  // The current text ends where the output cap cut a passage off.
  const cutOff = started && story.story?.cutOff === true;

  const write = async () => {
    await flushRef.current?.();
    generation.run(started ? 'continue' : 'start', false);
  };
  const extend = async () => {
    await flushRef.current?.();
    generation.run('extend', false);
  };
  const restart = async () => {
    await flushRef.current?.();
    generation.run('start', true);
  };
  useStepShortcuts({ primary: () => void write() });

  return (
    <StepLayout
      title="Writing"
      description="The story itself, chapter by chapter along the outline. Start it, then continue as many times as you like; edit any word by hand."
      actions={
        <>
          <Button
            variant="contained"
            startIcon={started ? <PlayArrowRounded /> : <AutoStoriesRounded />}
            onClick={() => void write()}
            disabled={generation.busy}
          >
            {generation.starting ? 'Starting…' : started ? 'Continue' : 'Start the story'}
          </Button>
          {cutOff && (
            <Button variant="outlined" onClick={() => void extend()} disabled={generation.busy}>
              Continue this passage
            </Button>
          )}
          {started && (
            <Button variant="text" onClick={() => void restart()} disabled={generation.busy}>
              Write a new start
            </Button>
          )}
          <VersionPicker storyId={story.id} kind="story" disabled={generation.busy} beforeChange={() => flushRef.current?.() ?? Promise.resolve()} />
        </>
      }
      next={{ label: 'Next: export', to: stepPath(story.id, 'export'), enabled: ready.export.ready, hint: blockedReason(ready.export) }}
    >
      {cutOff && !generation.live && (
        <Alert severity="info" sx={{ mb: 2 }}>
          The last passage was cut off at the length limit. “Continue this passage” writes on from where it stops.
        </Alert>
      )}
      <GenerationNotices
        what={extending ? 'passage' : continuing ? 'next chapter' : 'story start'}
        artifact={story.story}
        cached={generation.cached}
        startError={generation.startError}
        failure={generation.failure}
        stopped={generation.stoppedId !== null}
        busyReason={generation.busyReason}
        live={generation.live}
      />
      {generation.live ? (
        <LiveText
          label={extending ? 'Continuing the passage' : continuing ? 'Writing the next chapter' : 'Writing the story start'}
          stream={generation.stream}
          before={continuing || extending ? (story.story?.text ?? '') : undefined}
        />
      ) : started ? (
        <ArtifactTextEditor
          story={story}
          kind="story"
          label="Story"
          helperText="Saved as you type"
          disabled={generation.busy}
          minRows={16}
          flushRef={flushRef}
        />
      ) : (
        <Typography color="text.secondary" sx={{ my: 2 }}>
          Nothing written yet. “Start the story” writes the opening along the outline; “Continue” then adds the next chapter.
        </Typography>
      )}
      {started && !generation.live && <ChapterMediaPanel storyId={story.id} text={story.story?.text ?? ''} disabled={generation.busy} />}
    </StepLayout>
  );
}
