/** Reads rule files: validates them and compiles their conditions. */
import { createHash } from 'node:crypto';
import { compileCondition, ConditionCompileError, type CompiledCondition, type Memo } from '../conditions/compile.js';
import type { Condition } from '../schemas/condition.js';
import { ruleFileSchema, type ParameterDeclaration, type RuleCondition, type RuleFile } from '../schemas/rules.js';
import type { Problems } from './problems.js';
import { checkAmountBasis } from './basis.js';

export interface CompiledRuleCondition extends RuleCondition {
  id: string;
  test: CompiledCondition;
}

/** A programme as its rule file declares it, conditions compiled. */
export interface ProgrammeRules extends Omit<RuleFile, 'conditions' | '$schema' | 'parameters'> {
  file: string;
  /** sha256 of the rule file, for the receipt of every result. */
  hash: string;
  conditions: ReadonlyMap<string, CompiledRuleCondition>;
  /** Ids of the parameters the file declares. */
  parameterIds: readonly string[];
}

export interface DeclaredParameter extends ParameterDeclaration {
  id: string;
  programme: string;
}

export interface FileInput {
  /** Path shown in messages, relative to the project or pack root. */
  file: string;
  json: unknown;
  /**
   * Where a JSON path of `json` is written, for messages: the file (a part of a rule folder may be
   * another than `file`) and its 1-based line and column. Given by the YAML reader (load.ts).
   */
  locate?: (segments: readonly PropertyKey[]) => { file: string; line: number; column: number } | undefined;
}

/** A file's data as JSON for its hash: without `$schema` (a YAML file names its schema in a
 * comment), so that the same rules written in JSON or in YAML hash the same. */
export function contentJson(json: unknown): string {
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !('$schema' in json)) return JSON.stringify(json);
  const { $schema: _schema, ...rest } = json as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** The prefix of a programme's parameter ids: "orphan-allowance" → "orphanAllowance" unless declared. */
export function parameterPrefix(rules: Pick<RuleFile, 'programme' | 'parameterPrefix'>): string {
  return rules.parameterPrefix ?? rules.programme.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function readRuleFile(input: FileInput, problems: Problems, declarations: Map<string, DeclaredParameter>): ProgrammeRules | undefined {
  const parsed = ruleFileSchema.safeParse(input.json);
  if (!parsed.success) {
    problems.addZod(input.file, parsed.error, input.json);
    return undefined;
  }
  const { $schema: _schema, parameters, conditions: declared, ...rules } = parsed.data;
  checkAmountBasis(rules, input.file, problems);
  const prefix = parameterPrefix(rules);
  const parameterIds: string[] = [];
  for (const [id, declaration] of Object.entries(parameters)) {
    if (!id.startsWith(`${prefix}.`)) {
      problems.add(input.file, `$.parameters["${id}"]`, `a parameter id starting with "${prefix}."`, JSON.stringify(id));
      continue;
    }
    if (declarations.has(id)) problems.add(input.file, `$.parameters["${id}"]`, 'a parameter declared once', 'a second declaration');
    declarations.set(id, { ...declaration, id, programme: rules.programme });
    parameterIds.push(id);
  }
  const named = new Map<string, Condition>(Object.entries(declared).map(([id, c]) => [id, c.when]));
  const conditions = new Map<string, CompiledRuleCondition>();
  // Household facts objects are made fresh for each household and never changed, so household
  // conditions may remember their results (see Memo); member facts may be reused between members.
  const memo: Memo = new Map();
  for (const [id, condition] of Object.entries(declared)) {
    try {
      const remember = condition.scope === 'household' ? { memo, name: id } : undefined;
      const test = compileCondition(condition.when, (name) => named.get(name), `$.conditions.${id}.when`, remember, input.file);
      conditions.set(id, { ...condition, id, test });
    } catch (error) {
      if (!(error instanceof ConditionCompileError)) throw error;
      problems.add(input.file, error.path, error.expected, error.found);
    }
  }
  const hash = createHash('sha256').update(contentJson(input.json)).digest('hex');
  return { ...rules, file: input.file, hash, conditions, parameterIds };
}
