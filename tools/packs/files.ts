/** The rule and pack files of the project: the converter and the formatter walk the same ones. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Files under rules/ and jurisdictions/ (relative to `root`, with /) ending in one of `extensions`. */
export function dataFiles(root: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (extensions.some((ext) => name.endsWith(ext))) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, 'rules'));
  walk(join(root, 'jurisdictions'));
  return out.sort();
}
