/** Resolves the user's role against the pack's roles. */
import type { Role, RulePack } from '../rules/schema';

const fold = (text: string): string => text.trim().toLowerCase();

/**
 * The role with this id; failing that, the role whose label or alias matches (AWRA shows role
 * names such as "Tenant Admin"); failing that, the pack's default role, then its first role.
 */
export function resolveRole(pack: RulePack, roleId: string): Role {
  const byId = pack.roles.find((role) => role.id === roleId);
  if (byId) return byId;
  const wanted = fold(roleId);
  const byName = pack.roles.find(
    (role) => fold(role.label) === wanted || role.aliases.some((alias) => fold(alias) === wanted),
  );
  if (byName) return byName;
  const fallback = pack.roles.find((role) => role.id === pack.defaultRole) ?? pack.roles[0];
  // The schema requires at least one role; this only guards an unvalidated pack.
  if (!fallback) throw new Error('The rule pack defines no roles.');
  return fallback;
}
