import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateScenarioRequest, Page, Scenario, ScenarioListQuerySchema, ScenarioVisibility, UpdateScenarioRequest } from '@storyos/contracts';
import { Brackets, DataSource, type Repository } from 'typeorm';
import type { z } from 'zod';
import { entityFromRow } from '../../../core/database/entity-from-row';
import { findOneJoined } from '../../../core/database/find-one-joined';
import { prepared, type StatementRun } from '../../../core/database/prepared-statement';
import type { AuthUser } from '../../auth/auth-user';
import { GameErrors } from '../game.errors';
import { canEdit, canSetVisibility, canView } from './scenario-access';
import { ScenarioEntity } from './scenario.entity';
import { toScenarioContract } from './scenario.mapper';

type ListQuery = z.output<typeof ScenarioListQuerySchema>;

const SCENARIO_BY_ID = prepared('SELECT * FROM scenarios WHERE id = $1');

/** Browsing, writing and publishing scenarios. */
@Injectable()
export class ScenariosService {
  constructor(
    @InjectRepository(ScenarioEntity) private readonly scenarios: Repository<ScenarioEntity>,
    private readonly dataSource: DataSource,
  ) {}

  async list(user: AuthUser, query: ListQuery): Promise<Page<Scenario>> {
    const builder = this.scenarios.createQueryBuilder('s').leftJoinAndSelect('s.author', 'author');
    builder.where(
      new Brackets((visible) => {
        if (query.scope === 'mine') visible.where('s.author_id = :me', { me: user.id });
        else visible.where(`s.visibility = 'public'`).orWhere('s.author_id = :me', { me: user.id });
        // Admins look after archived scenarios, whoever wrote them.
        if (query.includeArchived && query.scope === 'all' && user.role === 'admin') visible.orWhere(`s.visibility = 'archived'`);
      }),
    );
    if (!query.includeArchived) builder.andWhere(`s.visibility <> 'archived'`);
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      builder.andWhere(new Brackets((where) => where.where('s.name ILIKE :pattern', { pattern }).orWhere('s.description ILIKE :pattern', { pattern })));
    }
    const [rows, total] = await builder
      .orderBy('s.updated_at', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toScenarioContract), page: query.page, pageSize: query.pageSize, total };
  }

  async get(user: AuthUser, id: string): Promise<Scenario> {
    return toScenarioContract(await this.findViewable(user, id));
  }

  /** A scenario the user can see, with its author, or 404 (another user's private one looks missing). */
  async findViewable(user: AuthUser, id: string): Promise<ScenarioEntity> {
    return viewable(user, await findOneJoined(this.scenarios.manager, ScenarioEntity, { id }, { author: true }));
  }

  /**
   * What decides whether the user may start a new game from a scenario (`playable`), run where the caller
   * needs it: a game's opening reads it in its transaction's first round trip. A game needs nothing of the
   * scenario's author, so the author is not read.
   */
  playableRead(id: string): StatementRun {
    return { statement: SCENARIO_BY_ID, values: [id] };
  }

  /** The scenario `playableRead` found, when this user may start a game of it. */
  playable(user: AuthUser, row: Record<string, unknown> | undefined): ScenarioEntity {
    const scenario = viewable(user, row ? entityFromRow(this.scenarios, row) : null);
    if (scenario.visibility === 'archived') throw GameErrors.scenarioArchived();
    return scenario;
  }

  async create(user: AuthUser, request: CreateScenarioRequest): Promise<Scenario> {
    const visibility = request.visibility ?? 'private';
    if (!canSetVisibility(user, visibility)) throw GameErrors.onlyAdminsPublish();
    const saved = await this.scenarios.save(this.scenarios.create({ ...request, visibility, authorId: user.id, seedKey: null, version: 1 }));
    return this.get(user, saved.id);
  }

  /** Every edit makes the version grow by one; an edit of an older version than the stored one is refused. */
  async update(user: AuthUser, id: string, request: UpdateScenarioRequest): Promise<Scenario> {
    const { baseVersion, ...fields } = request;
    if (fields.visibility && !canSetVisibility(user, fields.visibility)) throw GameErrors.onlyAdminsPublish();
    const applied = await this.edit(user, id, (scenario) => {
      if (scenario.version !== baseVersion) return false;
      Object.assign(scenario, stripUndefined(fields));
      return true;
    });
    if (!applied) throw GameErrors.scenarioChangedMeanwhile(await this.get(user, id));
    return this.get(user, id);
  }

  async setVisibility(user: AuthUser, id: string, visibility: ScenarioVisibility): Promise<Scenario> {
    if (!canSetVisibility(user, visibility)) throw GameErrors.onlyAdminsPublish();
    await this.edit(user, id, (scenario) => {
      scenario.visibility = visibility;
      return true;
    });
    return this.get(user, id);
  }

  /** Applies `change` under a row lock; `change` returns false to leave the scenario as it is. */
  private async edit(user: AuthUser, id: string, change: (scenario: ScenarioEntity) => boolean): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // Locked so two edits at once each get their own version number.
      const scenario = await manager.findOne(ScenarioEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!scenario || !canView(user, scenario)) throw GameErrors.scenarioNotFound();
      if (!canEdit(user, scenario)) throw GameErrors.notYourScenario();
      if (!change(scenario)) return false;
      scenario.version += 1;
      await manager.save(scenario);
      return true;
    });
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function viewable(user: AuthUser, scenario: ScenarioEntity | null): ScenarioEntity {
  if (!scenario || !canView(user, scenario)) throw GameErrors.scenarioNotFound();
  return scenario;
}
