import type { Story } from '@storyos/contracts';
import { blockedReason, stepPath, stepReadiness } from '../phases';
import { ArtifactTextEditor } from './artifact-text-editor';
import { type ArtifactEditorProps, GeneratedArtifactStep } from './generated-artifact-step';

export function PremiseStep({ story }: { story: Story }) {
  const ready = stepReadiness(story);
  return (
    <GeneratedArtifactStep
      story={story}
      kind="premise"
      title="Premise"
      description="The story in a few sentences: who wants what, what stands in the way. Generate one from the setup, then change it as you like."
      next={{ label: 'Next: outline', to: stepPath(story.id, 'outline'), enabled: ready.outline.ready, hint: blockedReason(ready.outline) }}
      Editor={PremiseEditor}
    />
  );
}

function PremiseEditor({ story, exists, disabled, flushRef, previous }: ArtifactEditorProps) {
  return (
    <ArtifactTextEditor
      story={story}
      kind="premise"
      label="Premise"
      helperText={exists ? 'Saved as you type' : 'Generate a premise, or write your own here'}
      disabled={disabled}
      minRows={8}
      flushRef={flushRef}
      previous={previous}
    />
  );
}
