import { registrationId } from './patterns';

/** The slice of browser.scripting and browser.permissions the registrar needs (fakeable in tests). */
export interface ScriptRegistry {
  hasPermission(pattern: string): Promise<boolean>;
  registeredIds(): Promise<string[]>;
  register(scripts: { id: string; matches: string[] }[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

/**
 * Makes the registered content scripts match the admin's sites: one registration per site whose
 * host permission is granted; registrations for removed or revoked sites are dropped.
 */
export async function syncRegistrations(
  patterns: string[],
  registry: ScriptRegistry,
): Promise<{ registered: string[]; removed: string[] }> {
  const wanted = new Map<string, string>();
  for (const pattern of new Set(patterns)) {
    if (await registry.hasPermission(pattern)) wanted.set(registrationId(pattern), pattern);
  }
  const current = (await registry.registeredIds()).filter((id) => id.startsWith('awra-site:'));
  const removed = current.filter((id) => !wanted.has(id));
  const added = [...wanted].filter(([id]) => !current.includes(id));
  if (removed.length > 0) await registry.unregister(removed);
  if (added.length > 0)
    await registry.register(added.map(([id, pattern]) => ({ id, matches: [pattern] })));
  return { registered: added.map(([, pattern]) => pattern), removed };
}
