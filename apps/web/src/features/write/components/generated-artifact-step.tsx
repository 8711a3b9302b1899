import AutoAwesomeRounded from '@mui/icons-material/AutoAwesomeRounded';
import Button from '@mui/material/Button';
import type { Story, StoryArtifact } from '@storyos/contracts';
import { type ComponentType, useRef } from 'react';
import { useGenerationUndo } from '../hooks/use-generation-undo';
import { usePhaseGeneration } from '../hooks/use-phase-generation';
import { useStepShortcuts } from '../hooks/use-shortcuts';
import type { FlushRef } from './artifact-text-editor';
import { GenerationNotices } from './generation-notices';
import { LiveText } from './live-text';
import { StepLayout, type StepLayoutProps } from './step-layout';
import { VersionPicker } from './version-picker';

export interface ArtifactEditorProps {
  story: Story;
  exists: boolean;
  disabled: boolean;
  flushRef: FlushRef;
  /** The version the last generation replaced: one undo away. */
  previous: StoryArtifact | null;
}

interface GeneratedArtifactStepProps {
  story: Story;
  /** The artifact the step generates in one go, and the phase that writes it. */
  kind: 'premise' | 'outline';
  title: string;
  description: string;
  next: StepLayoutProps['next'];
  /** The hand editor shown while nothing streams; it registers its save in `flushRef`. */
  Editor: ComponentType<ArtifactEditorProps>;
}

/** A step whose artifact is generated whole (premise, outline): generate or regenerate, versions, notices, live text, editor. */
export function GeneratedArtifactStep({ story, kind, title, description, next, Editor }: GeneratedArtifactStepProps) {
  const generation = usePhaseGeneration(story, [kind]);
  const flushRef = useRef<(() => Promise<boolean>) | null>(null);
  const artifact = story[kind];
  const exists = artifact !== null;
  const undo = useGenerationUndo(artifact);

  const generate = async () => {
    await flushRef.current?.();
    undo.remember();
    generation.run(kind, exists);
  };
  useStepShortcuts({ primary: () => void generate() });

  return (
    <StepLayout
      title={title}
      description={description}
      actions={
        <>
          <Button variant="contained" startIcon={<AutoAwesomeRounded />} onClick={() => void generate()} disabled={generation.busy}>
            {generation.starting ? 'Starting…' : exists ? 'Regenerate' : 'Generate'}
          </Button>
          <VersionPicker storyId={story.id} kind={kind} disabled={generation.busy} beforeChange={() => flushRef.current?.() ?? Promise.resolve()} />
        </>
      }
      next={next}
    >
      <GenerationNotices
        what={kind}
        artifact={artifact}
        cached={generation.cached}
        startError={generation.startError}
        failure={generation.failure}
        stopped={generation.stoppedId !== null}
        busyReason={generation.busyReason}
        live={generation.live}
      />
      {generation.live ? (
        <LiveText label={`Writing the ${kind}`} live={generation.revealed} format={kind === 'outline' ? 'outline' : 'text'} />
      ) : (
        <Editor story={story} exists={exists} disabled={generation.busy} flushRef={flushRef} previous={undo.previous} />
      )}
    </StepLayout>
  );
}
