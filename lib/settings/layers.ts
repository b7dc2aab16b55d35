/**
 * Effective settings = built-in pack ← the admin's saved pack (storage.local) ← managed policy.
 * Pure: the storage reads happen in ./watch.ts; this only decides what wins and what is locked.
 * A saved pack or policy value that does not validate is ignored (and reported), never fatal.
 */
import { parseRulePack, parseRulePackText } from '../rules/load';
import type { RulePack } from '../rules/schema';
import { readPolicy } from './policy';

/** What the UI shows as locked: 'pack' (every rule section), 'role', or a pack path. */
export type LockKey =
  | 'pack'
  | 'role'
  | 'support.email'
  | 'support.url'
  | 'escalation.connectorFailureThreshold'
  | 'escalation.windowHours'
  | 'escalation.template'
  | `roles.${string}.retryLimit`;

export interface SettingsInput {
  defaults: RulePack;
  /** storage.local `rulePack`: the admin's saved pack, or undefined/null. */
  stored: unknown;
  /** storage.local `rulePackStamp`: which of its patterns passed the check (lib/rules/stamp). */
  storedStamp?: unknown;
  /** storage.local `policyPackStamp`: the same for the policy's pack (./restamp.ts writes it). */
  policyStamp?: unknown;
  /** storage.local `role`: the user's chosen role id, or undefined/null. */
  storedRole: unknown;
  /** The whole managed storage area (empty without a policy). */
  managed: unknown;
}

export interface EffectiveSettings {
  pack: RulePack;
  /** The user's role id, always one of pack.roles. */
  role: string;
  locked: LockKey[];
  /** Ignored inputs, one line each, for the options page to show. */
  problems: string[];
}

const roleIds = (pack: RulePack) => new Set(pack.roles.map((r) => r.id));

export function layerSettings(input: SettingsInput): EffectiveSettings {
  const problems: string[] = [];
  const locked: LockKey[] = [];
  let pack = input.defaults;

  if (input.stored !== undefined && input.stored !== null) {
    const saved = parseRulePack(input.stored, input.storedStamp);
    if (saved.ok) pack = saved.pack;
    else problems.push(`saved rules ignored: ${saved.errors[0]}`);
  }

  const { policy, problems: policyProblems } = readPolicy(input.managed);
  problems.push(...policyProblems);
  if (policy.rulePack !== undefined) {
    const managed = parseRulePackText(policy.rulePack, input.policyStamp);
    if (managed.ok) {
      pack = managed.pack;
      locked.push('pack');
    } else problems.push(`policy rulePack ignored: ${managed.errors[0]}`);
  }

  const escalation = { ...pack.escalation };
  const support = { ...pack.support };
  if (policy.supportEmail !== undefined) {
    support.email = policy.supportEmail;
    locked.push('support.email');
  }
  if (policy.supportUrl !== undefined) {
    support.url = policy.supportUrl;
    locked.push('support.url');
  }
  if (policy.connectorFailureThreshold !== undefined) {
    escalation.connectorFailureThreshold = policy.connectorFailureThreshold;
    locked.push('escalation.connectorFailureThreshold');
  }
  if (policy.windowHours !== undefined) {
    escalation.windowHours = policy.windowHours;
    locked.push('escalation.windowHours');
  }
  if (policy.escalationTemplate !== undefined) {
    escalation.template = policy.escalationTemplate;
    locked.push('escalation.template');
  }
  const limits = policy.retryLimits ?? {};
  const roles = pack.roles.map((role) => {
    const limit = limits[role.id];
    if (limit === undefined) return role;
    locked.push(`roles.${role.id}.retryLimit`);
    return { ...role, retryLimit: limit };
  });
  for (const id of Object.keys(limits))
    if (!roleIds(pack).has(id)) problems.push(`policy retryLimits.${id}: no such role; ignored`);
  const changed = locked.some((key) => key !== 'pack');
  if (changed) pack = { ...pack, escalation, support, roles };

  let role = pack.defaultRole;
  if (policy.role !== undefined) {
    if (roleIds(pack).has(policy.role)) {
      role = policy.role;
      locked.push('role');
    } else problems.push(`policy role ${JSON.stringify(policy.role)}: no such role; ignored`);
  }
  if (!locked.includes('role') && typeof input.storedRole === 'string') {
    if (roleIds(pack).has(input.storedRole)) role = input.storedRole;
  }
  return { pack, role, locked, problems };
}

/** Whether `key` (or the whole pack, for pack sections) is set by policy. */
export function isLocked(settings: Pick<EffectiveSettings, 'locked'>, key: LockKey): boolean {
  return settings.locked.includes(key) || (key !== 'role' && settings.locked.includes('pack'));
}
