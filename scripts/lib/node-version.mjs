// The Node.js the project promises (package.json "engines"), checked before
// anything is installed, so an old Node fails with one plain sentence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `>=20.19` style minimum from package.json engines → [major, minor, patch]. */
export function minimumFrom(range) {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(range).trim());
  if (!match) throw new Error(`Unsupported engines.node range "${range}" (expected ">=MAJOR.MINOR")`);
  return match.slice(1).map((part) => Number(part ?? 0));
}

/** A message for the user when `version` (e.g. "v18.19.0") is older than `range`, else null. */
export function unsupportedNodeMessage(version, range) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = minimumFrom(range);
  for (let i = 0; i < 3; i += 1) {
    if ((have[i] ?? 0) > need[i]) return null;
    if ((have[i] ?? 0) < need[i]) {
      return `StoryOS needs Node.js ${need.join('.')} or newer; this is Node.js ${version.replace(/^v/, '')}. Install a newer Node.js (https://nodejs.org) and run the command again.`;
    }
  }
  return null;
}

/** Stops `npm start` / `npm test` before they do anything when Node.js is older than package.json promises. */
export function exitOnUnsupportedNode(root) {
  const { engines } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const message = unsupportedNodeMessage(process.version, engines.node);
  if (!message) return;
  console.error(message);
  process.exit(1);
}
