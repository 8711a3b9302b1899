// `npm test` must leave the checkout as it found it: no rewritten lock file,
// no stray build output or screenshots in tracked or unignored paths.
import { execFileSync } from 'node:child_process';

/** `git status --porcelain` lines of `root`, or null when it is not a git checkout. */
export function gitStatusLines(root) {
  try {
    const output = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return output.split('\n').filter(Boolean);
  } catch {
    return null;
  }
}

/** Status lines present after the run that were not there before it: what the run changed. */
export function changesMadeDuring(before, after) {
  const seen = new Set(before);
  return after.filter((line) => !seen.has(line));
}
