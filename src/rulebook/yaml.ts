/**
 * Rule and pack files written in YAML (decision 0026): their data, and where in the text each
 * JSON path of it is written, so that a load error names `file:line:column` as well as the path.
 * Text in, data out: the reading from disk is load.ts's.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { BenefitRulesError, type ErrorDetail } from '../errors.js';
import type { RulebookInput } from './index.js';
import type { FileInput } from './rules.js';

/** Where a node is: the file (for a rule folder, the part it is in) and a 1-based line and column. */
export type Place = { file: string; line: number; column: number };

/** The data of a YAML text, and where each node of it is written; a text that is not YAML is refused. */
export function readYamlText(text: string, shown: string): FileInput {
  const lines = new LineCounter();
  // YAML 1.2's core schema: 2020-04-01 stays a string (no timestamps), as in the JSON files.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
  const error = doc.errors[0];
  if (error) {
    const at = lines.linePos(error.pos[0]);
    const found = `text that is not YAML (${error.code}: ${error.message.split('\n')[0]!})`;
    throw new BenefitRulesError('invalid-pack', `${shown}:${at.line}:${at.col} is not valid YAML: ${found}`, [
      { file: shown, path: '$', expected: 'valid YAML', found, line: at.line, column: at.col },
    ]);
  }
  // Aliases are refused: a rule file says each thing where it applies (and no alias bomb).
  let json: unknown;
  try {
    json = doc.toJS({ maxAliasCount: 0 }) as unknown;
  } catch (cause) {
    const found = `an alias (${(cause as Error).message.split('\n')[0]!})`;
    throw new BenefitRulesError('invalid-pack', `${shown}: expected each value written where it applies, found ${found}`, [
      { file: shown, path: '$', expected: 'each value written where it applies (no &anchor / *alias)', found },
    ]);
  }
  const locate = (segments: readonly PropertyKey[]): Place | undefined => {
    // The deepest node the path reaches: a path into a value the schema refused may go past it.
    for (let n = segments.length; n >= 0; n--) {
      const offset = (n > 0 ? keyOffset(doc, segments.slice(0, n)) : undefined) ?? nodeOffset(doc, segments.slice(0, n));
      if (offset !== undefined) {
        const at = lines.linePos(offset);
        return { file: shown, line: at.line, column: at.col };
      }
    }
    return undefined;
  };
  return { file: shown, json, locate };
}

function nodeOffset(doc: Document, segments: readonly PropertyKey[]): number | undefined {
  const node: unknown = segments.length === 0 ? doc.contents : doc.getIn(segments as unknown[], true);
  return isNode(node) ? node.range?.[0] : undefined;
}

/** The offset of the key naming the last segment (a mapping entry is best shown at its key). */
function keyOffset(doc: Document, segments: readonly PropertyKey[]): number | undefined {
  const parent: unknown = segments.length === 1 ? doc.contents : doc.getIn(segments.slice(0, -1) as unknown[], true);
  if (!isMap(parent)) return undefined;
  const last = segments[segments.length - 1];
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
  return isNode(pair?.key) ? pair.key.range?.[0] : undefined;
}

/** The error with each problem in a YAML file placed at its line and column (file:line:column). */
export function located(error: BenefitRulesError, input: RulebookInput): BenefitRulesError {
  const locators = new Map<string, NonNullable<FileInput['locate']>>();
  for (const file of [...input.rules, ...input.packs.flatMap((pack) => [pack.manifest, ...(pack.sources ? [pack.sources] : []), ...pack.parameters])])
    if (file.locate) locators.set(file.file, file.locate);
  if (locators.size === 0) return error;
  let changed = false;
  const details = error.details.map((detail): ErrorDetail => {
    const locate = detail.file === undefined ? undefined : locators.get(detail.file);
    const segments = locate ? pathSegments(detail.path) : undefined;
    const at = segments && locate?.(segments);
    if (!at) return detail;
    changed = true;
    return { ...detail, file: at.file, line: at.line, column: at.column };
  });
  if (!changed) return error;
  // The message lists the problems one a line (problems.ts): the same lines, with the places.
  const [summary] = error.message.split('\n');
  if (!/problems?\):$/.test(summary ?? '')) return new BenefitRulesError(error.code, error.message, details);
  const lines = details.map(
    (d) => `  ${d.file ?? ''}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''} ${d.path}: ${d.expected}${d.found !== undefined ? `, found ${d.found}` : ''}`,
  );
  return new BenefitRulesError(error.code, `${summary!}\n${lines.join('\n')}`, details);
}

/** The segments of a JSON path as jsonPath (errors.ts) writes it: $.a.b[0]["c.d"]; as far as it reads. */
export function pathSegments(path: string): PropertyKey[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: PropertyKey[] = [];
  const pattern = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < path.length) {
    const match = pattern.exec(path);
    if (!match) break;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]!) as string);
  }
  return segments;
}
