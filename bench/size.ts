/**
 * (4) The always-on content script's size, raw and gzip, from the production build: every script
 * its manifest declares as a content script, and the on-demand overlay for reference.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROD_BUILD } from '../test/e2e/harness';

export interface SizeFigure {
  file: string;
  /** Declared in the manifest's content_scripts: loaded on every AWRA page. */
  alwaysOn: boolean;
  rawBytes: number;
  gzipBytes: number;
}

const ON_DEMAND = ['overlay-main.js'];

export function benchSize(dir = PROD_BUILD): SizeFigure[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`${dir} has no build: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const alwaysOn = [...new Set((manifest.content_scripts ?? []).flatMap((s) => s.js ?? []))];
  return [...alwaysOn, ...ON_DEMAND].map((file) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
    const bytes = readFileSync(path);
    return {
      file,
      alwaysOn: alwaysOn.includes(file),
      rawBytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
    };
  });
}
