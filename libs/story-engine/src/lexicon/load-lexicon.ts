import { z } from 'zod';

/** A word table: for each tone, named banks of phrases the planners pick from. */
export type Lexicon<Tone extends string, Bank extends string> = Readonly<Record<Tone, Readonly<Record<Bank, readonly string[]>>>>;

/**
 * Reads a word table (parsed JSON) and checks its shape: every tone, every
 * bank, each a non-empty list of phrases, and nothing else. `banks` names each
 * bank with what it holds. A broken table fails when the engine loads, not in
 * the middle of a story.
 */
export function loadLexicon<Tone extends string, Bank extends string>(
  name: string,
  data: unknown,
  tones: z.ZodEnum<{ [T in Tone]: T }>,
  banks: Readonly<Record<Bank, string>>,
): Lexicon<Tone, Bank> {
  const bankNames = z.enum(Object.keys(banks) as [Bank, ...Bank[]]);
  const table = z.record(tones, z.record(bankNames, z.array(z.string().min(1)).min(1)));
  const result = table.safeParse(data);
  if (!result.success) throw new Error(`The ${name} word table is malformed:\n${z.prettifyError(result.error)}`);
  return result.data;
}
