/** Issue 13, pack loading: links kept inside the pack, bounded files and money, clear errors. */
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_JURISDICTIONS, MAX_PACK_FILE_BYTES, loadRulebook } from '../../src/load.js';
import { packFile } from '../support/rulebook.js';

/** A packs folder with one copy of the Hannan pack's chain, to break. */
function packs(): { root: string; hannan: string } {
  const root = mkdtempSync(join(tmpdir(), 'benefit-rules-packs-'));
  for (const id of ['cn', 'cn-420000', 'cn-420100', 'cn-420113']) cpSync(join(BUNDLED_JURISDICTIONS, id), join(root, id), { recursive: true });
  return { root, hannan: join(root, 'cn-420113') };
}

function refusal(root: string): string {
  try {
    loadRulebook({ jurisdictions: [root] });
  } catch (error) {
    expect((error as Error).name).toBe('BenefitRulesError');
    return (error as Error).message;
  }
  throw new Error('expected the packs to be refused');
}

describe('pack loading', () => {
  it('does not follow a link out of the pack, nor echo what it points to (before: walked a system folder, echoed its bytes)', () => {
    const { root, hannan } = packs();
    symlinkSync('/etc', join(hannan, 'parameters', 'etc'));
    expect(refusal(root)).toMatch(/parameters\/etc: expected a file or folder inside .*found a link out of it/);
    rmSync(join(hannan, 'parameters', 'etc'));
    const sources = packFile(hannan, 'sources');
    rmSync(sources);
    symlinkSync('/etc/passwd', sources);
    const message = refusal(root);
    expect(message).toMatch(/sources\.(json|yaml): expected a file or folder inside/);
    expect(message).not.toMatch(/root/);
  });

  it('says what a dangling link and a pack manifest that is a folder are (before: exit 70 "internal error")', () => {
    const { root, hannan } = packs();
    symlinkSync(join(hannan, 'nowhere.json'), join(hannan, 'parameters', 'gone.json'));
    expect(refusal(root)).toMatch(/gone\.json: expected a readable file, found a link to nothing/);
    const other = packs();
    const manifest = packFile(other.hannan, 'pack');
    rmSync(manifest);
    mkdirSync(manifest);
    expect(refusal(other.root)).toMatch(/pack\.(json: expected a JSON|yaml: expected a YAML) file, found a folder/);
  });

  it('bounds file sizes and pack money (before: a 41-digit standard loaded and paid 1e41)', () => {
    const { root, hannan } = packs();
    const standard = packFile(join(hannan, 'parameters', 'dibao'), 'standard');
    const text = readFileSync(standard, 'utf8');
    writeFileSync(standard, text.replace(/"830"/, `"${'9'.repeat(41)}"`));
    expect(refusal(root)).toMatch(/below 1000000000 yuan/);
    writeFileSync(standard, `${text}${' '.repeat(MAX_PACK_FILE_BYTES)}`);
    expect(refusal(root)).toMatch(/at most 4 MiB/);
  });

  it('reads a link that stays inside the pack', () => {
    const { root, hannan } = packs();
    const dir = join(hannan, 'parameters', 'dibao');
    const file = packFile(dir, 'singlePerson');
    const kept = join(hannan, `kept${extname(file)}`);
    writeFileSync(kept, readFileSync(file));
    rmSync(file);
    symlinkSync(kept, file);
    expect(loadRulebook({ jurisdictions: [root] }).packs.has('cn-420113')).toBe(true);
  });
});
