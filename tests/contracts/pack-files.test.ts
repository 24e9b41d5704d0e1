/**
 * The rule and pack files as written (decision 0026): each YAML file in the one canonical style
 * with its schema line (`npm run format:packs`, checked by `npm run lint`), each file valid against
 * its published JSON Schema, and the conversion from JSON (`npm run packs:to-yaml`) keeping the
 * loaded rulebook the same by hash. Written to hold on the tree in JSON as well as in YAML.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { dataFiles } from '../../tools/packs/files.js';
import { notCanonical } from '../../tools/packs/format.js';
import { parseYamlData, schemaKindOf, toCanonicalYaml } from '../../tools/packs/style.js';
import { convert, convertChecked } from '../../tools/packs/to-yaml.js';
import { loadedHashes } from '../../tools/packs/verify.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyOfTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'benefit-rules-packs-'));
  made.push(root);
  for (const dir of ['rules', 'jurisdictions']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  return root;
}

const data = (path: string): unknown => {
  const text = readFileSync(join(ROOT, path), 'utf8');
  return path.endsWith('.json') ? JSON.parse(text) : parseYamlData(text);
};

describe('rule and pack files', () => {
  const files = dataFiles(ROOT, ['.yaml', '.yml', '.json']);

  it('are all rule or pack files, each with its schema', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((path) => schemaKindOf(path) === undefined)).toEqual([]);
  });

  it('validate against their published JSON Schema (schema/*.schema.json)', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats.default(ajv);
    for (const path of files) {
      const kind = schemaKindOf(path)!;
      const validate = ajv.getSchema(kind) ?? (ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schema', `${kind}.schema.json`), 'utf8')) as object, kind), ajv.getSchema(kind)!);
      expect(validate(data(path)), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('in YAML: each starts with its schema line, to a schema that exists, and is in canonical form', () => {
    for (const path of files.filter((p) => !p.endsWith('.json'))) {
      const first = readFileSync(join(ROOT, path), 'utf8').split('\n', 1)[0]!;
      const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(schema, path).toBeDefined();
      expect(existsSync(join(ROOT, dirname(path), schema!)), `${path}: ${schema}`).toBe(true);
    }
    expect(
      notCanonical(ROOT).map((file) => file.path),
      'run npm run format:packs',
    ).toEqual([]);
  });
});

describe('npm run format:packs', () => {
  it('--check fails on a file not in canonical form, and the formatter makes it so without changing its data', () => {
    const root = mkdtempSync(join(tmpdir(), 'benefit-rules-format-'));
    made.push(root);
    mkdirSync(join(root, 'rules'));
    const rule = { programme: 'x', name: { zh: '测试', en: 'Test: a file' }, when: { all: [{ fact: 'age', operator: 'greaterThan', value: 60 }] }, values: ['830', 'true', 7] };
    // JSON is YAML too, but not this YAML.
    writeFileSync(join(root, 'rules', 'x.yaml'), JSON.stringify(rule, null, 2));
    const script = join(ROOT, 'tools', 'packs', 'format.ts');
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const check = spawnSync(tsx, [script, '--check', root], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout).toBe('not in canonical form: rules/x.yaml\nrun npm run format:packs\n');
    expect(spawnSync(tsx, [script, root], { encoding: 'utf8' }).stdout).toBe('1 file rewritten\n');
    const text = readFileSync(join(root, 'rules', 'x.yaml'), 'utf8');
    expect(text).toBe(toCanonicalYaml(rule, '# yaml-language-server: $schema=../schema/rules.schema.json'));
    expect(text).toContain('  all:\n    - { fact: age, operator: greaterThan, value: 60 }\n');
    expect(text).toContain('values: [ "830", "true", 7 ]\n');
    expect(parseYamlData(text)).toEqual(rule);
    expect(spawnSync(tsx, [script, '--check', root], { encoding: 'utf8' }).status).toBe(0);
    // A file that is not YAML: its place, as the loader gives it, and no stack.
    writeFileSync(join(root, 'rules', 'x.yaml'), 'programme: x\nname: [zh\nscope: household\n');
    const broken = spawnSync(tsx, [script, '--check', root], { encoding: 'utf8' });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^rules\/x\.yaml:3:1 is not valid YAML: text that is not YAML \(\w+: .*\)\n$/);
  }, 60_000);
});

describe('npm run packs:to-yaml', () => {
  it('converts whatever JSON files the tree has, the loaded rulebook identical by hash; again, it writes nothing', () => {
    const root = copyOfTree();
    const before = loadedHashes(ROOT);
    const { differences } = convertChecked(root);
    expect(differences).toEqual([]);
    expect(loadedHashes(root)).toEqual(before);
    expect(dataFiles(root, ['.json'])).toEqual([]);
    expect(notCanonical(root)).toEqual([]);
    expect(existsSync(join(root, 'rules', 'dibao', '10-programme.yaml'))).toBe(true);
    expect(convert(root)).toEqual([]);
  }, 60_000);
});
