import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { changesMadeDuring, gitStatusLines } from './git-tree.mjs';

test('changes already there before the run are not blamed on it', () => {
  assert.deepEqual(changesMadeDuring([' M README.md'], [' M README.md', ' M package-lock.json', '?? shot.png']), [' M package-lock.json', '?? shot.png']);
  assert.deepEqual(changesMadeDuring([], []), []);
});

test('a rewritten tracked file and a new untracked file show up in the status', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'storyos-git-tree-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  writeFileSync(join(dir, 'package-lock.json'), '{}\n');
  git('add', '.');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
  const before = gitStatusLines(dir);
  writeFileSync(join(dir, 'package-lock.json'), '{"changed":true}\n');
  writeFileSync(join(dir, 'stray.png'), 'x');

  assert.deepEqual(before, []);
  assert.deepEqual(changesMadeDuring(before, gitStatusLines(dir)).sort(), [' M package-lock.json', '?? stray.png']);
});

test('outside a git checkout there is no status to compare', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'storyos-no-git-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.equal(gitStatusLines(dir), null);
});
