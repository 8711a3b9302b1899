// Secrets the dev scripts generate once and keep in .data/ (mode 600), so a
// second run logs in with the same admin password and keeps sessions valid.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Reads the secret at `path`, or writes `generate()` there first. */
export function persistentSecret(path, generate) {
  if (existsSync(path)) {
    const value = readFileSync(path, 'utf8').trim();
    if (value) return value;
  }
  mkdirSync(dirname(path), { recursive: true });
  const value = generate();
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return value;
}

/** A URL-safe random string of `bytes` bytes of entropy. */
export function randomSecret(bytes) {
  return randomBytes(bytes).toString('base64url');
}
