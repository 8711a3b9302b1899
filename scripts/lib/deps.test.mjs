import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installCommandFor } from './deps.mjs';

test('a checkout without node_modules gets npm ci', () => {
  assert.equal(installCommandFor({ hasNodeModules: false, lockMtime: 10, installedMtime: null }), 'ci');
});

test('a lock file newer than the installed tree gets npm ci', () => {
  assert.equal(installCommandFor({ hasNodeModules: true, lockMtime: 20, installedMtime: 10 }), 'ci');
});

test('an up-to-date install is left alone', () => {
  assert.equal(installCommandFor({ hasNodeModules: true, lockMtime: 10, installedMtime: 20 }), null);
});

test('node_modules without npm bookkeeping is reinstalled from the lock', () => {
  assert.equal(installCommandFor({ hasNodeModules: true, lockMtime: 10, installedMtime: null }), 'ci');
});

test('without a lock file, npm install runs only when node_modules is missing', () => {
  assert.equal(installCommandFor({ hasNodeModules: false, lockMtime: null, installedMtime: null }), 'install');
  assert.equal(installCommandFor({ hasNodeModules: true, lockMtime: null, installedMtime: 5 }), null);
});
