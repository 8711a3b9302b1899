import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';

/** The TinyStories weights in llama2.c format, read whole for the builtin engine. */
export interface BuiltinModelFiles {
  checkpoint: Uint8Array;
  tokenizer: Uint8Array;
  /** Where the checkpoint was read from, for the start-up log. */
  source: string;
}

export const CHECKPOINT_FILE = 'stories260K.bin';
export const TOKENIZER_FILE = 'tok512.bin';

/**
 * Finds and reads the weights. A configured `modelPath` (a directory holding
 * both files, or the checkpoint with the tokenizer beside it) is the only
 * place looked at; otherwise the default locations are tried in order. Null
 * when nothing is found: the engine then writes from its templates alone.
 */
export function loadBuiltinModel(
  llm: { modelPath?: string },
  searchFrom: string[] = [process.cwd(), __dirname],
): BuiltinModelFiles | null {
  const locations = llm.modelPath ? [resolve(llm.modelPath)] : defaultModelLocations(searchFrom);
  for (const location of locations) {
    const files = modelFilesAt(location);
    if (files) return { checkpoint: readFileSync(files.checkpoint), tokenizer: readFileSync(files.tokenizer), source: files.checkpoint };
  }
  return null;
}

/** `<repo>/models`, for each repository root found above `searchFrom`. */
export function defaultModelLocations(searchFrom: string[]): string[] {
  const roots = searchFrom.map(findRepoRoot).filter((root): root is string => root !== null);
  return [...new Set(roots.map((root) => resolve(root, 'models')))];
}

function modelFilesAt(location: string): { checkpoint: string; tokenizer: string } | null {
  const stat = statSync(location, { throwIfNoEntry: false });
  if (!stat) return null;
  const checkpoint = stat.isDirectory() ? join(location, CHECKPOINT_FILE) : location;
  const tokenizer = join(dirname(checkpoint), TOKENIZER_FILE);
  return isFile(checkpoint) && isFile(tokenizer) ? { checkpoint, tokenizer } : null;
}

/** The nearest directory at or above `start` whose package.json declares the npm workspaces. */
function findRepoRoot(start: string): string | null {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (declaresWorkspaces(join(dir, 'package.json'))) return dir;
    if (dir === parse(dir).root) return null;
  }
}

function declaresWorkspaces(packageJson: string): boolean {
  if (!existsSync(packageJson)) return false;
  try {
    return 'workspaces' in (JSON.parse(readFileSync(packageJson, 'utf8')) as object);
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
