// Turns child-process output into readable, prefixed terminal lines.
// Pure functions: no IO, so they are unit-tested in log-format.test.mjs.

const COLORS = [36, 35, 33, 32, 34, 96, 95, 93];
const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLORS = { WARN: 33, ERROR: 31, FATAL: 31, DEBUG: 90, TRACE: 90 };
// Fields every pino line carries that add noise to a terminal view.
const HIDDEN_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'err', 'context', 'req', 'res', 'v']);

/** Wraps text in an ANSI colour when `enabled`. */
export function paint(text, code, enabled) {
  return enabled ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** A stable colour per child name, so `api` and `worker` keep their colours across runs. */
export function colorFor(name) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length];
}

/** `api    │ ` — names padded to `width` so the output lines up. */
export function prefixFor(name, width, color) {
  return `${paint(name.padEnd(width), colorFor(name), color)} │ `;
}

function formatValue(value) {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/**
 * Renders one pino JSON log line as `12:00:01 INFO  [Context] message key=value`.
 * Lines that are not pino JSON are returned unchanged.
 */
export function formatLogLine(line, { color = false } = {}) {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return line;
  let entry;
  try {
    entry = JSON.parse(trimmed);
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null || !('level' in entry)) return line;

  const level = typeof entry.level === 'number' ? (LEVELS[entry.level] ?? String(entry.level)) : String(entry.level).toUpperCase();
  const time = typeof entry.time === 'number' || typeof entry.time === 'string' ? new Date(entry.time) : null;
  const clock = time && !Number.isNaN(time.getTime()) ? time.toISOString().slice(11, 19) : '--:--:--';
  const parts = [paint(clock, 90, color), paint(level.padEnd(5), LEVEL_COLORS[level] ?? 32, color)];
  if (typeof entry.context === 'string') parts.push(`[${entry.context}]`);
  if (entry.req && typeof entry.req === 'object' && entry.req.method) {
    parts.push(`${entry.req.method} ${entry.req.url ?? ''}`.trim());
  }
  if (entry.res && typeof entry.res === 'object' && entry.res.statusCode !== undefined) {
    parts.push(`→ ${entry.res.statusCode}`);
  }
  if (entry.msg !== undefined && entry.msg !== '') parts.push(String(entry.msg));
  const extras = Object.entries(entry)
    .filter(([key, value]) => !HIDDEN_FIELDS.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  if (extras.length > 0) parts.push(paint(extras.join(' '), 90, color));
  let text = parts.join(' ');
  if (entry.err && typeof entry.err === 'object') {
    const detail = entry.err.stack ?? entry.err.message ?? JSON.stringify(entry.err);
    text += `\n${detail}`;
  }
  return text;
}

/** A box around lines, sized to the longest one (ANSI codes excluded from the width). */
export function box(lines) {
  const visible = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
  const width = Math.max(...lines.map((line) => visible(line).length));
  const top = `┌${'─'.repeat(width + 2)}┐`;
  const bottom = `└${'─'.repeat(width + 2)}┘`;
  const body = lines.map((line) => `│ ${line}${' '.repeat(width - visible(line).length)} │`);
  return [top, ...body, bottom].join('\n');
}
