import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minimumFrom, unsupportedNodeMessage } from './node-version.mjs';

test('the engines range is read as a minimum version', () => {
  assert.deepEqual(minimumFrom('>=20.19'), [20, 19, 0]);
  assert.deepEqual(minimumFrom('>= 22'), [22, 0, 0]);
  assert.throws(() => minimumFrom('^20 || ^22'));
});

test('a Node.js at or above the minimum is accepted', () => {
  assert.equal(unsupportedNodeMessage('v20.19.0', '>=20.19'), null);
  assert.equal(unsupportedNodeMessage('v20.20.2', '>=20.19'), null);
  assert.equal(unsupportedNodeMessage('v22.1.0', '>=20.19'), null);
});

test('an older Node.js gets one plain sentence naming both versions', () => {
  const message = unsupportedNodeMessage('v20.18.3', '>=20.19');
  assert.match(message, /needs Node\.js 20\.19\.0 or newer; this is Node\.js 20\.18\.3/);
  assert.match(unsupportedNodeMessage('v18.20.0', '>=20.19'), /this is Node\.js 18\.20\.0/);
});
