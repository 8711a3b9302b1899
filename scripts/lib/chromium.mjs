// Browser tests drive Debian's chromium (never a downloaded browser).
import { existsSync } from 'node:fs';
import { runCommand } from './processes.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Installs chromium with apt when missing and we are root. Resolves `{ ok, message? }`. */
export async function ensureChromium(log) {
  if (existsSync(CHROMIUM_PATH)) return { ok: true };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    return {
      ok: false,
      message: `${CHROMIUM_PATH} is missing. Install Debian's chromium (sudo apt-get install -y chromium) and run again; browser tests need it.`,
    };
  }
  log(`${CHROMIUM_PATH} is missing; installing Debian's chromium with apt-get`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await runCommand('apt-get', ['update'], { env: aptEnv })) !== 0) return { ok: false, message: 'apt-get update failed (see above)' };
  if ((await runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env: aptEnv })) !== 0) {
    return { ok: false, message: 'apt-get install chromium failed (see above)' };
  }
  return existsSync(CHROMIUM_PATH) ? { ok: true } : { ok: false, message: `apt-get installed chromium but ${CHROMIUM_PATH} is still missing` };
}
