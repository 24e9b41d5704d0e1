/**
 * The one canonical YAML style of rule files and packs, used by the converter (to-yaml.ts), the
 * formatter (`npm run format:packs`) and its `--check` in `npm run lint` (tests/contracts/pack-files.test.ts):
 *
 * - first line `# yaml-language-server: $schema=<relative path to schema/>` (the `$schema` key of
 *   the JSON files becomes this line; the loader ignores both);
 * - block style, keys in the order they were written, strings plain wherever YAML 1.2 reads them
 *   back as the same string (Chinese text as is, never folded: one value a line);
 * - flow style only for what reads as one thing: a comparison (`{ fact: age, operator: …, value: 60 }`),
 *   a one-key reference (`{ parameter: dibao.standard.urban }`, `{ fact: standard }`) and a short
 *   list of scalars (`[V, N]`), each while it fits on a line.
 *
 * The style is a function of the data alone, so a YAML comment does not survive formatting: what a
 * reader needs beside a rule is a field (`basis`, `comment`, `note`), which the loader keeps.
 */
import { relative, dirname, join } from 'node:path';
import { Document, visit } from 'yaml';
import { readYamlText } from '../../src/rulebook/yaml.js';

/** A flow node longer than this (its own text, not counting the key) goes back to block style. */
const FLOW_LIMIT = 140;

export type SchemaKind = 'rules' | 'rule-part' | 'pack' | 'sources' | 'parameters';

/** The schema a file under the project root follows, from where it is. */
export function schemaKindOf(path: string): SchemaKind | undefined {
  const p = path.split('\\').join('/');
  if (/(^|\/)rules\/[^/]+\/[^/]+\.(ya?ml|json)$/.test(p)) return 'rule-part';
  if (/(^|\/)rules\/[^/]+\.(ya?ml|json)$/.test(p)) return 'rules';
  if (/(^|\/)jurisdictions\/[^/]+\/pack\.(ya?ml|json)$/.test(p)) return 'pack';
  if (/(^|\/)jurisdictions\/[^/]+\/sources\.(ya?ml|json)$/.test(p)) return 'sources';
  if (/(^|\/)jurisdictions\/[^/]+\/parameters\/.+\.(ya?ml|json)$/.test(p)) return 'parameters';
  return undefined;
}

/** The schema line of a file at `path` (relative to `root`, the project). */
export function schemaLine(root: string, path: string, kind: SchemaKind): string {
  const to = relative(dirname(join(root, path)), join(root, 'schema', `${kind}.schema.json`))
    .split('\\')
    .join('/');
  return `# yaml-language-server: $schema=${to}`;
}

const isScalarValue = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value);

function isComparison(value: Record<string, unknown>): boolean {
  if (typeof value.fact !== 'string' || typeof value.operator !== 'string') return false;
  return Object.values(value).every((v) => isScalarValue(v) || (Array.isArray(v) && v.every(isScalarValue)) || isReference(v));
}

/** The keys of a one-key reference: what it names is all it says. */
const REFERENCE_KEYS = new Set(['fact', 'parameter', 'condition', 'none', 'kind']);

/** `{ fact: x }`, `{ parameter: x }`, `{ condition: x }`, `{ none: true }`, `{ kind: money }`: one
 * key, a scalar. Not any one-key mapping: a basis with its document only stays a block like the others. */
function isReference(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length === 1 && REFERENCE_KEYS.has(entries[0]![0]) && isScalarValue(entries[0]![1]);
}

/** The canonical YAML text of `data` (a parsed JSON or YAML value), with its schema line. */
export function toCanonicalYaml(data: unknown, header: string): string {
  const body = data !== null && typeof data === 'object' && !Array.isArray(data) ? { ...(data as Record<string, unknown>) } : data;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) delete (body as Record<string, unknown>).$schema;
  const doc = new Document(body, { keepSourceTokens: false });
  visit(doc, {
    Map(_, node) {
      const json = node.toJSON() as Record<string, unknown>;
      if ((isComparison(json) || isReference(json)) && JSON.stringify(json).length <= FLOW_LIMIT) node.flow = true;
    },
    Seq(_, node) {
      const json = node.toJSON() as unknown[];
      if (json.length > 0 && json.every(isScalarValue) && JSON.stringify(json).length <= 80) node.flow = true;
    },
    Scalar(_, node) {
      // A string that would read back as something else (a number, a boolean, null) is quoted; the
      // rest plain. Strings with a line break stay double-quoted on one line.
      if (typeof node.value === 'string' && node.value.includes('\n')) node.type = 'QUOTE_DOUBLE';
    },
  });
  const text = doc.toString({
    lineWidth: 0,
    minContentWidth: 0,
    indentSeq: true,
    flowCollectionPadding: true,
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    doubleQuotedMinMultiLineLength: Infinity,
  });
  return `${header}\n${text}`;
}

/** The data of a YAML text, read as the loader reads it (a BenefitRulesError at file:line:column
 * if it is not YAML the loader takes), so that formatting is a round trip of the loaded data. */
export function parseYamlData(text: string, shown = 'the text'): unknown {
  return readYamlText(text, shown).json;
}
