import AutoAwesomeRounded from '@mui/icons-material/AutoAwesomeRounded';
import Button from '@mui/material/Button';
import type { Story } from '@storyos/contracts';
import { useRef } from 'react';
import { stepPath, stepReadiness } from '../phases';
import { usePhaseGeneration } from '../hooks/use-phase-generation';
import { useStepShortcuts } from '../hooks/use-shortcuts';
import { ArtifactTextEditor } from './artifact-text-editor';
import { GenerationNotices } from './generation-notices';
import { LiveText } from './live-text';
import { StepLayout } from './step-layout';
import { VersionPicker } from './version-picker';

export function PremiseStep({ story }: { story: Story }) {
  const generation = usePhaseGeneration(story, ['premise']);
  const flushRef = useRef<(() => Promise<boolean>) | null>(null);
  const exists = story.premise !== null;
  const ready = stepReadiness(story);

  const generate = async () => {
    await flushRef.current?.();
    generation.run('premise', exists);
  };
  useStepShortcuts({ primary: () => void generate() });

  return (
    <StepLayout
      title="Premise"
      description="The story in a few sentences: who wants what, what stands in the way. Generate one from the setup, then change it as you like."
      actions={
        <>
          <Button variant="contained" startIcon={<AutoAwesomeRounded />} onClick={() => void generate()} disabled={generation.busy}>
            {generation.starting ? 'Starting…' : exists ? 'Regenerate' : 'Generate'}
          </Button>
          <VersionPicker storyId={story.id} kind="premise" disabled={generation.busy} beforeChange={() => flushRef.current?.() ?? Promise.resolve()} />
        </>
      }
      next={{ label: 'Next: outline', to: stepPath(story.id, 'outline'), enabled: ready.outline, hint: 'Write a premise first.' }}
    >
      <GenerationNotices
        what="premise"
        artifact={story.premise}
        cached={generation.cached}
        startError={generation.startError}
        failure={generation.failure}
        stopped={generation.stoppedId !== null}
        busyReason={generation.busyReason}
        live={generation.live}
      />
      {generation.live ? (
        <LiveText label="Writing the premise" stream={generation.stream} />
      ) : (
        <ArtifactTextEditor
          story={story}
          kind="premise"
          label="Premise"
          helperText={exists ? 'Saved as you type' : 'Generate a premise, or write your own here'}
          disabled={generation.busy}
          minRows={8}
          flushRef={flushRef}
        />
      )}
    </StepLayout>
  );
}
