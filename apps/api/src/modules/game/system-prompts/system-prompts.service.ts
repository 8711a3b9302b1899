import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateSystemPromptVersionRequest, SystemPrompt, SystemPromptKind } from '@storyos/contracts';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { AppError } from '../../../core/errors/app-error';
import { GameErrors } from '../game.errors';
import type { AuthUser } from '../../auth/auth-user';
import { SystemPromptEntity } from './system-prompt.entity';
import { toSystemPromptContract } from './system-prompt.mapper';

/** Versions are only ever added; activating one deactivates the kind's previous one. */
@Injectable()
export class SystemPromptsService {
  constructor(
    @InjectRepository(SystemPromptEntity) private readonly prompts: Repository<SystemPromptEntity>,
    private readonly dataSource: DataSource,
  ) {}

  async list(): Promise<SystemPrompt[]> {
    const rows = await this.prompts.find({ relations: { createdBy: true }, order: { kind: 'ASC', version: 'DESC' } });
    return rows.map(toSystemPromptContract);
  }

  async createVersion(user: AuthUser, kind: SystemPromptKind, request: CreateSystemPromptVersionRequest): Promise<SystemPrompt> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      await lockKind(manager, kind);
      const latest = await manager.findOne(SystemPromptEntity, { where: { kind }, order: { version: 'DESC' } });
      if ((latest?.version ?? 0) !== request.baseVersion) return { stale: latest };
      const activate = request.activate ?? true;
      if (activate) await manager.update(SystemPromptEntity, { kind, isActive: true }, { isActive: false });
      const row = await manager.save(
        manager.create(SystemPromptEntity, { kind, version: (latest?.version ?? 0) + 1, content: request.content, note: request.note ?? null, isActive: activate, createdById: user.id }),
      );
      return { id: row.id };
    });
    if ('stale' in outcome) throw GameErrors.promptChangedMeanwhile(outcome.stale ? await this.view(outcome.stale.id) : null);
    return this.view(outcome.id);
  }

  async activate(kind: SystemPromptKind, version: number): Promise<SystemPrompt> {
    const id = await this.dataSource.transaction(async (manager) => {
      await lockKind(manager, kind);
      const target = await manager.findOneBy(SystemPromptEntity, { kind, version });
      if (!target) throw AppError.notFound(`Version ${version} of the ${kind} prompt`);
      await manager.update(SystemPromptEntity, { kind, isActive: true }, { isActive: false });
      await manager.update(SystemPromptEntity, { id: target.id }, { isActive: true });
      return target.id;
    });
    return this.view(id);
  }

  /** The version generations use now; null when none was ever stored. */
  findActive(kind: SystemPromptKind): Promise<SystemPromptEntity | null> {
    return this.prompts.findOneBy({ kind, isActive: true });
  }

  private async view(id: string): Promise<SystemPrompt> {
    return toSystemPromptContract(await this.prompts.findOneOrFail({ where: { id }, relations: { createdBy: true } }));
  }
}

/** Serialises version numbering and activation per kind across processes. */
async function lockKind(manager: EntityManager, kind: SystemPromptKind): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('system_prompts:' || $1))`, [kind]);
}
