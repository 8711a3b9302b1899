import type { Story } from '@storyos/contracts';
import { blockedReason, stepPath, stepReadiness } from '../phases';
import { GeneratedArtifactStep } from './generated-artifact-step';
import { OutlineEditor } from './outline-editor';

export function OutlineStep({ story }: { story: Story }) {
  const ready = stepReadiness(story);
  return (
    <GeneratedArtifactStep
      story={story}
      kind="outline"
      title="Outline"
      description="The chapters, in order, each with a title and a short summary. Reorder, add or remove chapters; the story follows this plan."
      next={{ label: 'Next: writing', to: stepPath(story.id, 'writing'), enabled: ready.writing.ready, hint: blockedReason(ready.writing) }}
      Editor={OutlineEditor}
    />
  );
}
