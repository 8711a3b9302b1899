import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { persistentSecret } from './secrets.mjs';

test('a generated secret is kept private and reused on the next run', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'storyos-secret-')), 'nested', 'secret');
  const first = persistentSecret(file, () => 'one');
  const second = persistentSecret(file, () => 'two');
  assert.equal(first, 'one');
  assert.equal(second, 'one');
  assert.equal(statSync(file).mode & 0o777, 0o600);
});
