import type { Story } from '@storyos/contracts';
import { type PhaseCheck, storyPhaseReadiness, type StoryReadiness } from '@storyos/domain';

/** The wizard's five steps, in the order a writer meets them. */
export const WIZARD_STEPS = ['setup', 'premise', 'outline', 'writing', 'export'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const STEP_LABELS: Record<WizardStep, string> = {
  setup: 'Setup',
  premise: 'Premise',
  outline: 'Outline',
  writing: 'Writing',
  export: 'Export',
};

/** Whether each step can be opened, and why not: the API's own rule and words. */
export type StepReadiness = Record<WizardStep, PhaseCheck>;

type StoryInputs = Pick<Story, 'setup' | 'premise' | 'outline' | 'story'> | null | undefined;

/** The Writer phase whose readiness opens each step: a step opens once its phase could run. */
const STEP_PHASE: Record<Exclude<WizardStep, 'setup'>, keyof Pick<StoryReadiness, 'premise' | 'outline' | 'start' | 'export'>> = {
  premise: 'premise',
  outline: 'outline',
  writing: 'start',
  export: 'export',
};

const hasText = (text: string | null | undefined) => Boolean(text && text.trim().length > 0);

/** Which steps can be opened, by the readiness rule the API enforces (`storyPhaseReadiness`). */
export function stepReadiness(story: StoryInputs): StepReadiness {
  const readiness = storyPhaseReadiness({
    setup: story?.setup ?? null,
    premise: story?.premise?.text ?? null,
    outline: story?.outline?.outline ?? null,
    storyText: story?.story?.text ?? null,
  });
  return {
    setup: { ready: true },
    premise: readiness[STEP_PHASE.premise],
    outline: readiness[STEP_PHASE.outline],
    writing: readiness[STEP_PHASE.writing],
    export: readiness[STEP_PHASE.export],
  };
}

/** Why a step is closed, in the API's words; null when it is open. */
export const blockedReason = (check: PhaseCheck): string | null => (check.ready ? null : check.message);

/** The step to open when none is named: the furthest one with content. */
export function defaultStep(story: StoryInputs): WizardStep {
  if (!story) return 'setup';
  if (hasText(story.story?.text)) return 'writing';
  if (story.outline) return 'outline';
  return 'premise';
}

export function isWizardStep(value: string | undefined): value is WizardStep {
  return (WIZARD_STEPS as readonly string[]).includes(value ?? '');
}

/** The path of a step; `/write/:id` without a step opens the default one. */
export const stepPath = (storyId: string, step: WizardStep) => `/write/${storyId}/${step}`;
