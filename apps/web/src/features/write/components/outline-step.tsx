import AutoAwesomeRounded from '@mui/icons-material/AutoAwesomeRounded';
import Button from '@mui/material/Button';
import type { Story } from '@storyos/contracts';
import { useRef } from 'react';
import { usePhaseGeneration } from '../hooks/use-phase-generation';
import { useStepShortcuts } from '../hooks/use-shortcuts';
import { stepPath, stepReadiness } from '../phases';
import { GenerationNotices } from './generation-notices';
import { LiveText } from './live-text';
import { OutlineEditor } from './outline-editor';
import { StepLayout } from './step-layout';
import { VersionPicker } from './version-picker';

export function OutlineStep({ story }: { story: Story }) {
  const generation = usePhaseGeneration(story, ['outline']);
  const flushRef = useRef<(() => Promise<boolean>) | null>(null);
  const exists = story.outline !== null;
  const ready = stepReadiness(story);

  const generate = async () => {
    await flushRef.current?.();
    generation.run('outline', exists);
  };
  useStepShortcuts({ primary: () => void generate() });

  return (
    <StepLayout
      title="Outline"
      description="The chapters, in order, each with a title and a short summary. Reorder, add or remove chapters; the story follows this plan."
      actions={
        <>
          <Button variant="contained" startIcon={<AutoAwesomeRounded />} onClick={() => void generate()} disabled={generation.busy}>
            {generation.starting ? 'Starting…' : exists ? 'Regenerate' : 'Generate'}
          </Button>
          <VersionPicker storyId={story.id} kind="outline" disabled={generation.busy} beforeChange={() => flushRef.current?.() ?? Promise.resolve()} />
        </>
      }
      next={{ label: 'Next: writing', to: stepPath(story.id, 'writing'), enabled: ready.writing, hint: 'Make an outline first.' }}
    >
      <GenerationNotices
        what="outline"
        artifact={story.outline}
        cached={generation.cached}
        startError={generation.startError}
        failure={generation.failure}
        stopped={generation.stoppedId !== null}
        busyReason={generation.busyReason}
        live={generation.live}
      />
      {generation.live ? (
        <LiveText label="Writing the outline" stream={generation.stream} />
      ) : (
        <OutlineEditor story={story} disabled={generation.busy} flushRef={flushRef} />
      )}
    </StepLayout>
  );
}
