import type { EntityManager } from 'typeorm';

/**
 * Transaction-scoped advisory locks. An owner's lock serialises their
 * allowance check with their inserts; a blob's lock serialises storing bytes
 * with deleting the last row that uses them, so neither loses the other.
 */
export const MediaLocks = {
  async owner(manager: EntityManager, ownerId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`media-owner:${ownerId}`]);
  },
  /** Locks in a fixed order, so two transactions never wait on each other. */
  async blobs(manager: EntityManager, sha256s: string[]): Promise<void> {
    for (const sha256 of [...new Set(sha256s)].sort()) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`media-blob:${sha256}`]);
    }
  },
};
