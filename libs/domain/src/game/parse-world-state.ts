import { CharacterSummarySchema, TimelineEventSchema, WorldStateSchema, type WorldState } from '@storyos/contracts';

/**
 * Reads a chat model's world-state reply. Models wrap JSON in fences, add
 * prose around it or get a field wrong, so each field is taken on its own:
 * a valid one replaces the previous value, anything else keeps it. The turn
 * count always moves on by one, whatever the model said.
 */
export function parseWorldStateReply(text: string, previous: WorldState): WorldState {
  const next: WorldState = { ...previous, turnCount: previous.turnCount + 1 };
  const data = extractJsonObject(text);
  if (!data) return next;
  const shape = WorldStateSchema.shape;
  const worldState = shape.worldState.safeParse(clip(data['worldState'], 4000));
  if (worldState.success) next.worldState = worldState.data;
  const location = shape.currentLocation.safeParse(clip(data['currentLocation'], 200));
  if (location.success && location.data.trim()) next.currentLocation = location.data.trim();
  if (Array.isArray(data['characters'])) {
    const characters = data['characters']
      .map((c: unknown) => CharacterSummarySchema.safeParse(clipFields(c, { name: 120, summary: 1000 })))
      .flatMap((r) => (r.success && r.data.name.trim() ? [r.data] : []));
    if (characters.length > 0) next.characters = characters.slice(0, 50);
  }
  if (Array.isArray(data['timeline'])) {
    const timeline = data['timeline'].map((t: unknown) => TimelineEventSchema.safeParse(clipFields(t, { event: 500 }))).flatMap((r) => (r.success ? [r.data] : []));
    if (timeline.length > 0) next.timeline = timeline.slice(-200);
  }
  for (const key of ['act', 'chapter'] as const) {
    const value = shape[key].safeParse(data[key]);
    if (value.success) next[key] = value.data;
  }
  return next;
}

/** The first JSON object in text: inside a ```json fence if there is one, else the first balanced {...}. */
export function extractJsonObject(text: string): Record<string, unknown> | null {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  for (const source of fenced ? [fenced[1]!, text] : [text]) {
    const candidate = firstBalancedObject(source);
    if (!candidate) continue;
    try {
      const value: unknown = JSON.parse(candidate);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // not JSON after all: try the next source
    }
  }
  return null;
}

function firstBalancedObject(text: string): string | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

/** Over-long text is cut rather than thrown away: a long summary is still a summary. */
function clip(value: unknown, max: number): unknown {
  return typeof value === 'string' && value.length > max ? value.slice(0, max) : value;
}

function clipFields(value: unknown, limits: Record<string, number>): unknown {
  if (!value || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, max] of Object.entries(limits)) copy[key] = clip(copy[key], max);
  return copy;
}
