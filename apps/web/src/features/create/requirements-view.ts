import type { RequirementField, StoryRequirements } from '@storyos/contracts';
import { AGE_BAND_LABELS, REQUIREMENT_LABELS, STYLE_LABELS, TONE_LABELS } from './labels';

export interface RequirementLine {
  field: RequirementField;
  label: string;
  /** null: not known yet. */
  value: string | null;
}

const ORDER: readonly RequirementField[] = ['ageBand', 'characters', 'setting', 'plot', 'style', 'tone', 'sceneCount', 'narratorVoice', 'title'];

/** The requirements as lines a reader can scan, in the order the agent asks for them. */
export function requirementLines(requirements: StoryRequirements): RequirementLine[] {
  const value = (field: RequirementField): string | null => {
    switch (field) {
      case 'ageBand':
        return requirements.ageBand && AGE_BAND_LABELS[requirements.ageBand];
      case 'characters':
        return requirements.characters.length ? requirements.characters.map((c) => (c.description ? `${c.name} — ${c.description}` : c.name)).join('; ') : null;
      case 'style':
        return requirements.style && STYLE_LABELS[requirements.style];
      case 'tone':
        return requirements.tone && TONE_LABELS[requirements.tone];
      case 'sceneCount':
        return requirements.sceneCount === null ? null : String(requirements.sceneCount);
      default:
        return requirements[field];
    }
  };
  return ORDER.map((field) => ({ field, label: REQUIREMENT_LABELS[field], value: value(field) }));
}

/** The requirements as plain text, for the conflict dialog's two sides. */
export function requirementsText(requirements: StoryRequirements): string {
  return requirementLines(requirements)
    .map((line) => `${line.label}: ${line.value ?? '—'}`)
    .join('\n');
}
