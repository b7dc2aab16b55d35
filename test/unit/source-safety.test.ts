// Page text is only ever rendered as text and no string becomes code: our own sources never use
// an HTML sink or eval. (web-ext lint flags Preact's and zod's internals, not ours: this test is
// what proves the sinks it reports are not reached from our code; see test/e2e/web-ext-lint.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DIRS = ['lib', 'components', 'entrypoints'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx|js|html)$/.test(name) ? [full] : [];
  });
}

const SINKS: [string, RegExp][] = [
  ['innerHTML / outerHTML', /\b(?:inner|outer)HTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['document.write', /\bdocument\.write(?:ln)?\s*\(/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['eval', /(?<![.\w])eval\s*\(/],
  ['Function constructor', /\bnew\s+Function\s*\(|(?<![.\w])Function\s*\(\s*['"`]/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['remote script', /<script[^>]+src\s*=\s*["']?https?:/i],
];

describe('our sources use no HTML sink and no eval', () => {
  const files = DIRS.flatMap((dir) => sources(join(ROOT, dir)));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(SINKS)('no %s', (_, pattern) => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${relative(ROOT, file)}:${i + 1}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});

// Extension pages and content scripts forbid eval; zod probes for it unless it runs jitless, and
// each refused probe is a CSP violation report that made V8 re-parse the whole overlay script.
describe('zod runs jitless wherever it builds a schema', () => {
  const files = DIRS.flatMap((dir) => sources(join(ROOT, dir)));
  const runtimeZod = /^import\s+(?!type\b)[^;]*from\s+'zod(?:\/[\w/]+)?';/m;

  it('lib/zod.ts (classic) and lib/zod-mini.ts (zod/mini) turn the probe off', async () => {
    const { z } = await import('../../lib/zod');
    expect(z.config().jitless).toBe(true);
    const mini = await import('../../lib/zod-mini');
    expect(mini.z.config().jitless).toBe(true);
  });

  it('every other runtime import of zod comes after lib/zod.ts or lib/zod-mini.ts', () => {
    const configModules = [join('lib', 'zod.ts'), join('lib', 'zod-mini.ts')];
    const late = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const at = text.search(runtimeZod);
      if (at < 0 || configModules.includes(relative(ROOT, file))) return [];
      const config = text.search(/^import\s+(?:\{ z \} from\s+)?'(?:\.\.?\/)+zod(?:-mini)?';/m);
      return config >= 0 && config < at ? [] : [relative(ROOT, file)];
    });
    expect(late).toEqual([]);
  });
});
