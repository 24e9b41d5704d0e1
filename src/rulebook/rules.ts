/** Reads rule files: validates them and compiles their conditions. */
import { createHash } from 'node:crypto';
import { compileCondition, ConditionCompileError, type CompiledCondition, type Memo } from '../conditions/compile.js';
import type { Condition } from '../schemas/condition.js';
import { ruleFileSchema, type ParameterDeclaration, type RuleCondition, type RuleFile } from '../schemas/rules.js';
import type { Problems } from './problems.js';

export interface CompiledRuleCondition extends RuleCondition {
  id: string;
  test: CompiledCondition;
}

export interface ProgrammeRules {
  programme: string;
  file: string;
  /** sha256 of the rule file, for the receipt of every result. */
  hash: string;
  name: RuleFile['name'];
  basis: RuleFile['basis'];
  conditions: ReadonlyMap<string, CompiledRuleCondition>;
}

export interface DeclaredParameter extends ParameterDeclaration {
  id: string;
  programme: string;
}

export interface FileInput {
  /** Path shown in messages, relative to the project or pack root. */
  file: string;
  json: unknown;
}

export function readRuleFile(
  input: FileInput,
  problems: Problems,
  declarations: Map<string, DeclaredParameter>,
): ProgrammeRules | undefined {
  const parsed = ruleFileSchema.safeParse(input.json);
  if (!parsed.success) {
    problems.addZod(input.file, parsed.error, input.json);
    return undefined;
  }
  const rules = parsed.data;
  for (const [id, declaration] of Object.entries(rules.parameters)) {
    if (!id.startsWith(`${rules.programme}.`)) {
      problems.add(input.file, `$.parameters["${id}"]`, `a parameter id starting with "${rules.programme}."`, JSON.stringify(id));
      continue;
    }
    if (declarations.has(id)) problems.add(input.file, `$.parameters["${id}"]`, 'a parameter declared once', 'a second declaration');
    declarations.set(id, { ...declaration, id, programme: rules.programme });
  }
  const named = new Map<string, Condition>(Object.entries(rules.conditions).map(([id, c]) => [id, c.when]));
  const conditions = new Map<string, CompiledRuleCondition>();
  // Household facts objects are made fresh for each household and never changed, so household
  // conditions may remember their results (see Memo); member facts may be reused between members.
  const memo: Memo = new Map();
  for (const [id, condition] of Object.entries(rules.conditions)) {
    try {
      const remember = condition.scope === 'household' ? { memo, name: id } : undefined;
      const test = compileCondition(condition.when, (name) => named.get(name), `$.conditions.${id}.when`, remember, input.file);
      conditions.set(id, { ...condition, id, test });
    } catch (error) {
      if (!(error instanceof ConditionCompileError)) throw error;
      problems.add(input.file, error.path, error.expected, error.found);
    }
  }
  const hash = createHash('sha256').update(JSON.stringify(input.json)).digest('hex');
  return { programme: rules.programme, file: input.file, hash, name: rules.name, basis: rules.basis, conditions };
}
