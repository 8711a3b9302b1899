// Installs npm dependencies when they are missing or older than the lock file.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './processes.mjs';

/**
 * Decides what to install: `'ci'`, `'install'` or `null` (up to date).
 * `lockMtime` is null without a package-lock.json, `installedMtime` is null
 * when node_modules/.package-lock.json is missing.
 */
export function installCommandFor({ hasNodeModules, lockMtime, installedMtime }) {
  if (lockMtime === null) return hasNodeModules ? null : 'install';
  if (!hasNodeModules || installedMtime === null) return 'ci';
  return lockMtime > installedMtime ? 'ci' : null;
}

function mtimeOf(path) {
  return existsSync(path) ? statSync(path).mtimeMs : null;
}

/** Runs `npm ci` / `npm install` in `root` when needed; throws if it fails. */
export async function ensureDependencies(root, log) {
  const command = installCommandFor({
    hasNodeModules: existsSync(join(root, 'node_modules')),
    lockMtime: mtimeOf(join(root, 'package-lock.json')),
    installedMtime: mtimeOf(join(root, 'node_modules', '.package-lock.json')),
  });
  if (command === null) {
    log('dependencies are up to date');
    return;
  }
  log(`installing dependencies (npm ${command})`);
  // No fallback to `npm install`: it would rewrite the committed lock file. A refused lock is a bug to fix in the repository.
  const code = await runCommand('npm', [command], { cwd: root });
  if (code !== 0) throw new Error(`npm ${command} failed with exit code ${code}`);
}
