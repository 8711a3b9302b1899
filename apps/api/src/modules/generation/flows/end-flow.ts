import type { FlowStatus } from '@storyos/contracts';
import type { EntityManager } from 'typeorm';
import type { GenerationFlowEntity } from '../entities/generation-flow.entity';
import type { FlowDefinition } from './flow-definition';

/** Ends a flow in the caller's transaction (its row locked): status, the end time, and the definition's own ending. */
export async function endFlow(manager: EntityManager, flow: GenerationFlowEntity, status: Extract<FlowStatus, 'completed' | 'cancelled' | 'failed'>, error: string | null, definition: FlowDefinition): Promise<void> {
  Object.assign(flow, { status, error, completedAt: new Date(), ...(status === 'completed' ? { progress: 100 } : {}) });
  await manager.save(flow);
  await definition.onEnded?.(flow, manager);
}
