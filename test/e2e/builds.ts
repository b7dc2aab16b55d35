/** The production builds the manifest pin and web-ext lint check, rebuilt when a source is newer. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './engine';

export const BUILDS = {
  chrome: { dir: join(ROOT, '.output', 'chrome-mv3'), script: 'build' },
  firefox: { dir: join(ROOT, '.output', 'firefox-mv3'), script: 'build:firefox' },
} as const;
export type BuildName = keyof typeof BUILDS;

const SOURCES = ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts', 'package.json'];

/** The newest modification time among the files a build is made from. */
export function newestSource(path = ROOT, top = true): number {
  const names = top ? SOURCES : readdirSync(path);
  let newest = 0;
  for (const name of names) {
    const full = join(path, name);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(full, false) : stat.mtimeMs);
  }
  return newest;
}

/** Builds `name` unless its manifest is newer than every source; returns the build directory. */
export function ensureBuild(name: BuildName): string {
  const { dir, script } = BUILDS[name];
  const file = join(dir, 'manifest.json');
  if (!existsSync(file) || statSync(file).mtimeMs < newestSource()) {
    execFileSync('npm', ['run', script], { cwd: ROOT, stdio: 'pipe', timeout: 110_000 });
  }
  return dir;
}

export function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

/** Every file of a build, relative to it. */
export function buildFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? buildFiles(dir, rel) : [rel];
  });
}
