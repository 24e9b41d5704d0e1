/**
 * Reads pack files into packs: validates each file, types each value by its declared kind, checks
 * sources, inheritance and periods. Everything wrong is reported together, file by file.
 */
import { createHash } from 'node:crypto';
import { packManifestSchema, parameterFileSchema, sourceSchema, type DatedValue, type PackManifest, type Source } from '../schemas/pack.js';
import { typedValue, valueSchema, type ParameterValue } from '../parameters/values.js';
import { describeValue } from '../errors.js';
import { Decimal } from '../money.js';

/** A pack's money is paid to households whose own amounts are bounded below a billion yuan
 * (schemas/common.ts, MAX_MONEY): a standard that large is a typo, and would pay it. */
const PACK_MONEY_LIMIT = new Decimal(1_000_000_000);
import type { Problems } from './problems.js';
import { contentJson, type DeclaredParameter, type FileInput } from './rules.js';

export interface PackInput {
  /** The pack's folder as shown in messages, e.g. jurisdictions/cn-420113. */
  dir: string;
  manifest: FileInput;
  sources?: FileInput;
  /** Parameter files with the id prefix their path gives (parameters/dibao/standard.yaml → dibao.standard). */
  parameters: (FileInput & { idPrefix: string })[];
}

export interface Entry {
  from: string;
  until?: string;
  /** Typed value; null when the pack says "not configured". */
  value: ParameterValue | null;
  raw: unknown;
  sources: string[];
  verified: boolean;
  /** The day it became known, when the pack declares it (otherwise derived from its sources). */
  known?: string;
  note?: string;
  file: string;
  path: string;
  /** The name of the reform that set this value (src/reform): not law, a hypothesis. */
  reform?: string;
}

export interface Pack {
  id: string;
  manifest: PackManifest;
  dir: string;
  /** This pack, then its parent, up to the national pack. */
  chain: string[];
  sources: ReadonlyMap<string, Source>;
  /** Entries of each parameter set here, sorted by `from`. */
  parameters: ReadonlyMap<string, readonly Entry[]>;
  /** sha256 of the pack's files, for the receipt of every result. */
  hash: string;
}

/** A pack read but not linked: its parent's id, and its manifest's file for the messages about it. */
type Draft = Omit<Pack, 'chain'> & { extends: string | null; manifestFile: string };

export function readPack(input: PackInput, problems: Problems, declarations: ReadonlyMap<string, DeclaredParameter>): Draft | undefined {
  const manifest = packManifestSchema.safeParse(input.manifest.json);
  if (!manifest.success) {
    problems.addZod(input.manifest.file, manifest.error, input.manifest.json);
    return undefined;
  }
  const sources = new Map<string, Source>();
  if (input.sources) readSources(input.sources, problems, sources);
  const parameters = new Map<string, Entry[]>();
  for (const file of input.parameters) readParameterFile(file, problems, declarations, parameters);
  for (const entries of parameters.values()) entries.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const hash = createHash('sha256');
  for (const file of [input.manifest, ...(input.sources ? [input.sources] : []), ...input.parameters]) {
    // The same pack hashes the same whether written in JSON or YAML: no extension, no $schema.
    hash
      .update(file.file.replace(/\.(json|ya?ml)$/, ''))
      .update('\0')
      .update(contentJson(file.json))
      .update('\0');
  }
  return {
    id: manifest.data.id,
    manifest: manifest.data,
    extends: manifest.data.extends,
    manifestFile: input.manifest.file,
    dir: input.dir,
    sources,
    parameters,
    hash: hash.digest('hex'),
  };
}

/** Each source is checked on its own, so one bad entry does not hide the others or orphan their citations. */
function readSources(file: FileInput, problems: Problems, into: Map<string, Source>): void {
  const json = file.json;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    problems.add(file.file, '$', 'an object of source id → source', describeValue(json));
    return;
  }
  for (const [id, value] of Object.entries(json)) {
    if (id === '$schema') continue;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      problems.add(file.file, `$["${id}"]`, 'a source id of lowercase letters, digits and dashes');
      continue;
    }
    const parsed = sourceSchema.safeParse(value);
    if (parsed.success) into.set(id, parsed.data);
    else problems.addZod(file.file, parsed.error, json, [id]);
  }
}

function readParameterFile(file: FileInput & { idPrefix: string }, problems: Problems, declarations: ReadonlyMap<string, DeclaredParameter>, into: Map<string, Entry[]>): void {
  const parsed = parameterFileSchema.safeParse(file.json);
  if (!parsed.success) {
    problems.addZod(file.file, parsed.error, file.json);
    return;
  }
  for (const [key, values] of Object.entries(parsed.data)) {
    if (key === '$schema') continue;
    const id = `${file.idPrefix}.${key}`;
    const declaration = declarations.get(id);
    if (!declaration) {
      problems.add(file.file, `$.${key}`, 'a parameter declared in a rule file', `unknown parameter "${id}"`);
      continue;
    }
    const schema = valueSchema(declaration.type);
    (values as DatedValue[]).forEach((dated, index) => {
      const path = `$.${key}[${index}]`;
      if (dated.value !== null) {
        const checked = schema.safeParse(dated.value);
        if (!checked.success) {
          // The element at fault in a list or an object (an unknown income type), not the whole value.
          const issue = checked.error.issues[0];
          const keys = issue?.path ?? [];
          const at = keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
          const found = keys.reduce<unknown>((value, k) => (value as Record<PropertyKey, unknown> | undefined)?.[k], dated.value);
          problems.add(
            file.file,
            `${path}.value${at}`,
            `${/^[aeiou]/.test(declaration.type.kind) ? 'an' : 'a'} ${declaration.type.kind} value for ${id} (${issue?.message})`,
            describeValue(found),
          );
          return;
        }
        // A multiple of another parameter (an object) is bounded by the value it multiplies.
        if (declaration.type.kind === 'money' && typeof dated.value === 'string' && !new Decimal(dated.value).lt(PACK_MONEY_LIMIT)) {
          problems.add(file.file, `${path}.value`, `a money value for ${id} below 1000000000 yuan (households are bounded there)`, describeValue(dated.value));
          return;
        }
      }
      const entry: Entry = {
        from: dated.from,
        value: dated.value === null ? null : typedValue(declaration.type, dated.value),
        raw: dated.value,
        sources: typeof dated.source === 'string' ? [dated.source] : dated.source,
        verified: dated.verified,
        file: file.file,
        path,
      };
      if (dated.until !== undefined) entry.until = dated.until;
      if (dated.note !== undefined) entry.note = dated.note;
      if (dated.known !== undefined) entry.known = dated.known;
      const list = into.get(id) ?? [];
      list.push(entry);
      into.set(id, list);
    });
  }
}

/** Links packs to their parents and runs the checks that need the whole chain. */
export function linkPacks(drafts: readonly Draft[], problems: Problems): Map<string, Pack> {
  const byId = new Map<string, Draft>();
  for (const draft of drafts) {
    if (byId.has(draft.id)) problems.add(draft.manifestFile, '$.id', 'a pack id used once', `"${draft.id}" also in ${byId.get(draft.id)?.dir}`);
    byId.set(draft.id, draft);
  }
  const packs = new Map<string, Pack>();
  for (const draft of byId.values()) {
    const chain = chainOf(draft, byId, problems);
    if (!chain) continue;
    const { extends: _parent, manifestFile: _manifest, ...rest } = draft;
    const pack: Pack = { ...rest, chain };
    checkSources(pack, byId, problems);
    checkPeriods(pack, problems);
    packs.set(pack.id, pack);
  }
  return packs;
}

function chainOf(draft: Draft, byId: ReadonlyMap<string, Draft>, problems: Problems): string[] | undefined {
  const chain = [draft.id];
  let current = draft;
  while (current.extends !== null) {
    const parent = byId.get(current.extends);
    if (!parent) {
      problems.add(current.manifestFile, '$.extends', 'the id of a pack that exists', JSON.stringify(current.extends));
      return undefined;
    }
    if (chain.includes(parent.id)) {
      problems.add(draft.manifestFile, '$.extends', 'a chain of parents that ends at a root pack', `a cycle ${[...chain, parent.id].join(' → ')}`);
      return undefined;
    }
    chain.push(parent.id);
    current = parent;
  }
  return chain;
}

function checkSources(pack: Pack, byId: ReadonlyMap<string, Draft>, problems: Problems): void {
  for (const entries of pack.parameters.values()) {
    for (const entry of entries) {
      for (const source of entry.sources) {
        if (!pack.chain.some((id) => byId.get(id)?.sources.has(source))) {
          problems.add(entry.file, `${entry.path}.source`, `a source id from the sources file of ${pack.chain.join(' or ')}`, JSON.stringify(source));
        }
      }
    }
  }
}

/** Within one pack, the periods of a parameter may not overlap: each day has at most one value. */
function checkPeriods(pack: Pack, problems: Problems): void {
  for (const [id, entries] of pack.parameters) {
    for (let i = 1; i < entries.length; i += 1) {
      const previous = entries[i - 1] as Entry;
      const entry = entries[i] as Entry;
      if (previous.from === entry.from || (previous.until !== undefined && previous.until >= entry.from)) {
        problems.add(
          entry.file,
          `${entry.path}.from`,
          `periods of ${id} that do not overlap`,
          `${entry.from} inside the period from ${previous.from}${previous.until ? ` until ${previous.until}` : ''} (${previous.file} ${previous.path})`,
        );
      }
    }
  }
}
