/** (4) The always-on content script's size, raw and gzip, from the production build. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROD_BUILD } from '../test/e2e/harness';

export interface SizeFigure {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export function benchSize(
  files = ['content-scripts/content.js', 'overlay-main.js'],
  dir = PROD_BUILD,
): SizeFigure[] {
  return files.map((file) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
    const bytes = readFileSync(path);
    return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
}
