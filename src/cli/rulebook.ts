/** benefit-rules rulebook: the rule book pages (src/rulebook-doc), printed or written under --out. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ruleBookFiles, type RuleBookLang } from '../rulebook-doc/index.js';
import { attemptWrite, rulebookFrom, type RulebookOptions } from './commands.js';

export interface RulebookCommandOptions extends RulebookOptions {
  jurisdiction?: string[];
  programme?: string[];
  lang: RuleBookLang;
  out?: string;
}

/** Without --out, the pages one after the other on standard output; with it, <out>/<jurisdiction>/<programme>.md. */
export function rulebookCommand(options: RulebookCommandOptions): string {
  const files = ruleBookFiles(rulebookFrom(options), {
    ...(options.jurisdiction ? { jurisdictions: options.jurisdiction } : {}),
    ...(options.programme ? { programmes: options.programme } : {}),
    lang: options.lang,
  });
  const out = options.out;
  if (out === undefined) return [...files.values()].join('\n---\n\n').trimEnd();
  const written: string[] = [];
  for (const [name, markdown] of files) {
    const path = join(out, name);
    attemptWrite(out, path, () => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, markdown);
    });
    written.push(path);
  }
  return written.join('\n');
}
