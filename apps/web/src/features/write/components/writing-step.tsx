import AutoStoriesRounded from '@mui/icons-material/AutoStoriesRounded';
import PlayArrowRounded from '@mui/icons-material/PlayArrowRounded';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { Story } from '@storyos/contracts';
import { chapterHeadings, textBeforeChapter } from '@storyos/domain';
import { useCallback, useRef, useState } from 'react';
import { useGenerationUndo } from '../hooks/use-generation-undo';
import { usePhaseGeneration } from '../hooks/use-phase-generation';
import { useStepShortcuts } from '../hooks/use-shortcuts';
import { blockedReason, stepPath, stepReadiness } from '../phases';
import { ArtifactTextEditor } from './artifact-text-editor';
import { ChapterMediaPanel } from './chapter-media-panel';
import { GenerationNotices } from './generation-notices';
import { LiveText } from './live-text';
import { StepLayout } from './step-layout';
import { StoryTextView } from './story-text-view';
import type { TextView } from './text-editor';
import { VersionPicker } from './version-picker';

/** Which chapter to bring into view once the text being written has landed (`seenLive`: it has started streaming). */
type PendingFocus = ({ kind: 'last' } | { kind: 'chapter'; index: number }) & { seenLive: boolean };

export function WritingStep({ story }: { story: Story }) {
  const generation = usePhaseGeneration(story, ['start', 'continue', 'extend', 'chapter']);
  const flushRef = useRef<(() => Promise<boolean>) | null>(null);
  const undo = useGenerationUndo(story.story);
  const [view, setView] = useState<TextView>('formatted');
  const [pendingFocus, setPendingFocus] = useState<PendingFocus | null>(null);
  const [focusChapter, setFocusChapter] = useState<number | null>(null);
  const text = story.story?.text ?? '';
  const started = Boolean(text.trim());
  const ready = stepReadiness(story);
  const continuing = story.activePhase === 'continue';
  const extending = story.activePhase === 'extend';
  const rewritingChapter = story.activePhase === 'chapter' ? story.activeChapterIndex : null;
  // The current text ends where the output cap cut a passage off.
  const cutOff = started && story.story?.cutOff === true;

  // Once the new text is in, the chapter it wrote comes into view (state adjusted while rendering, as React advises).
  if (pendingFocus && generation.startError) setPendingFocus(null);
  else if (pendingFocus && generation.live && !pendingFocus.seenLive) setPendingFocus({ ...pendingFocus, seenLive: true });
  else if (pendingFocus && !generation.live && pendingFocus.seenLive) {
    setFocusChapter(pendingFocus.kind === 'last' ? Math.max(0, chapterHeadings(text).length - 1) : pendingFocus.index);
    setPendingFocus(null);
  }
  const focused = useCallback(() => setFocusChapter(null), []);

  const run = async (phase: 'start' | 'continue' | 'extend' | 'chapter', regenerate: boolean, chapterIndex?: number) => {
    await flushRef.current?.();
    undo.remember();
    setView('formatted');
    setPendingFocus(phase === 'chapter' ? { kind: 'chapter', index: chapterIndex ?? 0, seenLive: false } : phase === 'continue' ? { kind: 'last', seenLive: false } : null);
    generation.run(phase, regenerate, chapterIndex);
  };
  const write = () => run(started ? 'continue' : 'start', false);
  useStepShortcuts({ primary: () => void write() });

  const liveLabel =
    rewritingChapter !== null
      ? `Writing chapter ${rewritingChapter + 1} again`
      : extending
        ? 'Continuing the passage'
        : continuing
          ? 'Writing the next chapter'
          : 'Writing the story start';

  return (
    <StepLayout
      title="Writing"
      description="The story itself, chapter by chapter along the outline. Start it, then continue as many times as you like; write any chapter again, rewrite selected words, or edit by hand."
      actions={
        <>
          <Button variant="contained" startIcon={started ? <PlayArrowRounded /> : <AutoStoriesRounded />} onClick={() => void write()} disabled={generation.busy}>
            {generation.starting ? 'Starting…' : started ? 'Continue' : 'Start the story'}
          </Button>
          {cutOff && (
            <Button variant="outlined" onClick={() => void run('extend', false)} disabled={generation.busy}>
              Continue this passage
            </Button>
          )}
          {started && (
            <Button variant="text" onClick={() => void run('start', true)} disabled={generation.busy}>
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
        what={rewritingChapter !== null ? 'chapter' : extending ? 'passage' : continuing ? 'next chapter' : 'story start'}
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
          label={liveLabel}
          live={generation.revealed}
          before={rewritingChapter !== null ? textBeforeChapter(text, rewritingChapter) : continuing || extending ? text : undefined}
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
          previous={undo.previous}
          view={view}
          onViewChange={setView}
          formatted={(current) => (
            <StoryTextView
              text={current}
              onWriteAgain={generation.busy ? undefined : (index) => void run('chapter', true, index)}
              focusChapter={focusChapter}
              onFocused={focused}
            />
          )}
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
