import type { Story } from '@storyos/contracts';

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

/** Why a step cannot be opened yet, in the words the API uses for the same rule. */
export const STEP_BLOCKED_REASONS: Record<Exclude<WizardStep, 'setup'>, string> = {
  premise: 'Save the setup first.',
  outline: 'Write a premise first.',
  writing: 'Make an outline first.',
  export: 'Write the story start first.',
};

export type StepReadiness = Record<WizardStep, boolean>;

type StoryInputs = Pick<Story, 'premise' | 'outline' | 'story'> | null | undefined;

const hasText = (text: string | null | undefined) => Boolean(text && text.trim().length > 0);

/**
 * Which steps can be opened, mirroring the API's readiness: the premise needs
 * a saved setup (the story exists), the outline a premise, writing an outline,
 * and export some story text.
 */
export function stepReadiness(story: StoryInputs): StepReadiness {
  const saved = Boolean(story);
  const premise = saved && hasText(story?.premise?.text);
  const outline = premise && (story?.outline?.outline?.chapters.length ?? 0) > 0;
  const text = hasText(story?.story?.text);
  return { setup: true, premise: saved, outline: premise, writing: outline, export: saved && text };
}

/** The step to open when none is named: the furthest one with content. */
export function defaultStep(story: StoryInputs): WizardStep {
  if (!story) return 'setup';
  if (hasText(story.story?.text)) return 'writing';
  if (story.outline) return 'outline';
  if (story.premise) return 'premise';
  return 'premise';
}

export function isWizardStep(value: string | undefined): value is WizardStep {
  return (WIZARD_STEPS as readonly string[]).includes(value ?? '');
}

/** The path of a step; `/write/:id` without a step opens the default one. */
export const stepPath = (storyId: string, step: WizardStep) => `/write/${storyId}/${step}`;
