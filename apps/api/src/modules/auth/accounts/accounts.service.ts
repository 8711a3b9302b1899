import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RegisterRequest } from '@storyos/contracts';
import { initialRoleFor } from '@storyos/domain';
import { randomInt } from 'node:crypto';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { AppError } from '../../../core/errors/app-error';
import { UserEntity } from '../entities/user.entity';
import { PasswordHasher } from './password-hasher';
import type { AuthUser } from '../auth-user';

/** Serialises "is there an admin yet?" decisions across processes. */
const FIRST_ADMIN_LOCK = 740_001;

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async findById(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw AppError.unauthenticated('Your account no longer exists. Please sign in again.');
    return user;
  }

  /** The name a registered user's work is signed with (exports); none for a guest, whose made-up name ("Guest 4821") is nobody's. */
  async authorName(user: AuthUser): Promise<string | null> {
    if (user.isGuest) return null;
    const { displayName } = await this.findById(user.id);
    return displayName.trim() || null;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  /** The first registered account becomes admin when none exists yet. */
  async register(request: RegisterRequest): Promise<UserEntity> {
    const passwordHash = await this.hasher.hash(request.password);
    return this.inTransaction(async (manager) => {
      await this.assertEmailFree(manager, request.email);
      const role = initialRoleFor(await this.adminExists(manager));
      return manager.save(
        manager.create(UserEntity, {
          email: request.email,
          passwordHash,
          displayName: request.displayName ?? defaultDisplayName(request.email),
          role,
          isGuest: false,
        }),
      );
    });
  }

  createGuest(): Promise<UserEntity> {
    return this.users.save(this.users.create({ email: null, passwordHash: null, displayName: `Guest ${randomInt(1000, 10000)}`, role: 'user', isGuest: true }));
  }

  /** Same row, same id: everything the guest made stays theirs. */
  async upgradeGuest(userId: string, request: RegisterRequest): Promise<UserEntity> {
    const passwordHash = await this.hasher.hash(request.password);
    return this.inTransaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw AppError.unauthenticated('Your account no longer exists. Please sign in again.');
      if (!user.isGuest) throw new AppError('CONFLICT', 'This account is already registered.');
      await this.assertEmailFree(manager, request.email);
      user.email = request.email;
      user.passwordHash = passwordHash;
      user.displayName = request.displayName ?? defaultDisplayName(request.email);
      user.isGuest = false;
      user.role = initialRoleFor(await this.adminExists(manager));
      return manager.save(user);
    });
  }

  /** Creates or repairs the configured admin; idempotent and safe when processes race. */
  async ensureAdmin(email: string, password: string): Promise<UserEntity> {
    const user = await this.insertIfMissing(email, password, 'Admin');
    if (user.role !== 'admin') await this.users.update(user.id, { role: 'admin' });
    return { ...user, role: 'admin' };
  }

  /** Creates the demo account when missing; never changes an existing one. */
  ensureUser(email: string, password: string, displayName: string): Promise<UserEntity> {
    return this.insertIfMissing(email, password, displayName);
  }

  private async insertIfMissing(email: string, password: string, displayName: string): Promise<UserEntity> {
    const existing = await this.findByEmail(email);
    if (existing) return existing;
    const passwordHash = await this.hasher.hash(password);
    await this.users.createQueryBuilder().insert().values({ email, passwordHash, displayName, role: 'user', isGuest: false }).orIgnore().execute();
    return (await this.findByEmail(email))!;
  }

  /** A concurrent registration of the same email loses the race with a 409, not a 500. */
  private async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') throw emailTaken();
      throw error;
    }
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await manager.existsBy(UserEntity, { email })) {
      throw emailTaken();
    }
  }

  private async adminExists(manager: EntityManager): Promise<boolean> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
    return manager.existsBy(UserEntity, { role: 'admin' });
  }
}

function emailTaken(): AppError {
  return new AppError('CONFLICT', 'An account with this email already exists. Sign in instead.', [{ path: 'email', message: 'Already registered' }]);
}

function defaultDisplayName(email: string): string {
  return email.split('@')[0]!.slice(0, 60);
}
