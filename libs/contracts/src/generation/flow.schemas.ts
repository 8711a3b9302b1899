import { z } from 'zod';

/**
 * A flow is a multi-step job: a parent that plans steps, each an ordinary
 * generation (streamed, stoppable, retried and finalised like any other).
 * queued → running → completed | cancelled | failed.
 */
export const FlowStatusSchema = z.enum(['queued', 'running', 'completed', 'cancelled', 'failed']);
export type FlowStatus = z.infer<typeof FlowStatusSchema>;

export const TERMINAL_FLOW_STATUSES: readonly FlowStatus[] = ['completed', 'cancelled', 'failed'];
export const isTerminalFlowStatus = (status: FlowStatus): boolean => TERMINAL_FLOW_STATUSES.includes(status);

/** What a flow does; each module registers a definition for the kinds it owns. */
/** `story.whole`: the Writer's whole story; `create.illustrated-story`: a Create story's scenes, pictures and narrations. */
export const FlowKindSchema = z.enum(['story.whole', 'create.illustrated-story']);
export type FlowKind = z.infer<typeof FlowKindSchema>;
