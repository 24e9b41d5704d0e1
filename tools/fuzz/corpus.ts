/**
 * The households the fuzzer starts from, read at run time from a checkout of the project: the golden
 * cases (tests/cases/**.json), the example households (examples/*.json, with the months of
 * examples/demo.json) and the inputs the fuzzer once failed on (tests/fuzz-corpus/*.json). Read in a
 * fixed order, so that a seed and an index name the same input on every machine with the same files.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Seed {
  /** Where it came from, relative to the root. */
  source: string;
  household: unknown;
  month: string;
  knownAt?: string;
}

function jsonFiles(dir: string, recursive: boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name))
    .sort();
}

function read(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A file holding { household, month, knownAt? } (a golden case or a saved fuzz input), if it is one. */
function seedOf(source: string, json: unknown): Seed | undefined {
  if (!isRecord(json) || json.household === undefined || typeof json.month !== 'string') return undefined;
  return { source, household: json.household, month: json.month, ...(typeof json.knownAt === 'string' ? { knownAt: json.knownAt } : {}) };
}

export function readCorpus(root: string): Seed[] {
  const shown = (path: string) => relative(root, path).split(sep).join('/');
  const seeds: Seed[] = [];
  for (const dir of ['tests/cases', 'tests/fuzz-corpus']) {
    for (const path of jsonFiles(join(root, dir), true)) {
      const seed = seedOf(shown(path), read(path));
      if (seed) seeds.push(seed);
    }
  }
  // Example households are bare; their months are those the demo evaluates them for.
  const examples = join(root, 'examples');
  const demoPath = join(examples, 'demo.json');
  const demo = existsSync(demoPath) ? read(demoPath) : [];
  const months = new Map<string, string>();
  if (Array.isArray(demo))
    for (const entry of demo) if (isRecord(entry) && typeof entry.household === 'string' && typeof entry.month === 'string') months.set(entry.household, entry.month);
  for (const path of jsonFiles(examples, false)) {
    const name = path.slice(examples.length + 1);
    const json = read(path);
    if (name === 'demo.json' || !isRecord(json) || !Array.isArray(json.members)) continue;
    seeds.push({ source: shown(path), household: json, month: months.get(name) ?? '2024-05' });
  }
  if (seeds.length === 0) throw new Error(`fuzz: no households under ${root} (tests/cases, tests/fuzz-corpus, examples)`);
  return seeds;
}
