import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/** argon2id with the OWASP-recommended minimums (19 MiB, 2 passes). */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  /** A hash of a random password nobody knows, with the same parameters as real ones. */
  private dummyHash?: Promise<string>;

  async onModuleInit(): Promise<void> {
    await this.dummy();
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  /**
   * Always runs one full argon2 verification — against the dummy hash when
   * there is no account (or no password) — so how long a login takes does not
   * tell whether the email is registered.
   */
  async matches(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      await this.check(await this.dummy(), password);
      return false;
    }
    return this.check(passwordHash, password);
  }

  private async check(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
    return this.dummyHash;
  }
}
