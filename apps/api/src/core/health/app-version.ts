import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Read from the api's package.json, two levels above both src/ and dist/. */
export const APP_VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();
