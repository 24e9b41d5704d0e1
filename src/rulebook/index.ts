/**
 * The rulebook: every programme's rules and every jurisdiction's pack, validated and linked. Built
 * from file contents, so it is the same whether the files come from disk (load.ts), a bundle or a
 * test; building it is the only place pack files are interpreted.
 */
import type { Source } from '../schemas/pack.js';
import { Problems } from './problems.js';
import { linkPacks, readPack, type Pack, type PackInput } from './packs.js';
import { readRuleFile, type DeclaredParameter, type FileInput, type ProgrammeRules } from './rules.js';
import { checkDeclared, orderProgrammes } from './order.js';
import { checkMultiples } from './multiples.js';

export type { Pack, PackInput, Entry } from './packs.js';
export type { DeclaredParameter, FileInput, ProgrammeRules, CompiledRuleCondition } from './rules.js';
export { expressionRefs } from './order.js';

export interface Rulebook {
  /** In evaluation order: each programme after the programmes it uses. */
  readonly programmes: ReadonlyMap<string, ProgrammeRules>;
  readonly declarations: ReadonlyMap<string, DeclaredParameter>;
  readonly packs: ReadonlyMap<string, Pack>;
  /** Set on a rulebook a reform was applied to (src/reform): named in every receipt. */
  readonly reform?: ReformStamp;
}

/** A reform as receipts name it. */
export interface ReformStamp {
  name: string;
  /** sha256 of the reform's canonical JSON (keys sorted, no spaces): the same reform, however
   * written, has the same hash. */
  sha256: string;
}

export interface RulebookInput {
  rules: readonly FileInput[];
  packs: readonly PackInput[];
}

/** The files read and linked: each file valid, every parameter declared, the packs chained. Not yet
 * checked against what the programmes can run — buildRulebook (load.ts) does both, and is the
 * only way in for a caller. */
export function linkRulebook(input: RulebookInput): Rulebook {
  const problems = new Problems();
  const declarations = new Map<string, DeclaredParameter>();
  const read = new Map<string, ProgrammeRules>();
  for (const file of input.rules) {
    const rules = readRuleFile(file, problems, declarations);
    if (!rules) continue;
    if (read.has(rules.programme)) problems.add(file.file, '$.programme', 'one rule file per programme', `"${rules.programme}" again`);
    read.set(rules.programme, rules);
  }
  problems.throwIfAny('invalid-rules', 'The rule files are invalid');
  const order = orderProgrammes(read, problems);
  for (const rules of read.values()) checkDeclared(rules, read, declarations, order, problems);
  problems.throwIfAny('invalid-rules', 'The rule files are invalid');
  const programmes = new Map(order.map((id) => [id, read.get(id) as ProgrammeRules]));
  const drafts = input.packs.map((pack) => readPack(pack, problems, declarations)).filter((d) => d !== undefined);
  const packs = linkPacks(drafts, problems);
  checkMultiples(packs, declarations, problems);
  problems.throwIfAny('invalid-pack', 'The rule packs are invalid');
  return { programmes, declarations, packs };
}

/** A source cited by `pack`, looked up along its chain of parents. */
export function findSource(rulebook: Rulebook, pack: Pack, id: string): Source | undefined {
  for (const packId of pack.chain) {
    const source = rulebook.packs.get(packId)?.sources.get(id);
    if (source) return source;
  }
  return undefined;
}
