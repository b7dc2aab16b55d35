/**
 * Upgrades rule packs exported by older versions to the current schema, one step per version.
 *
 * Version 0 is the pre-release export (Sync Assist 0.0.x, before the pack covered pages and
 * fields). It held only what the first admin screen edited, with the names used then:
 * ```
 * { "schemaVersion": 0, "name": "...",
 *   "rules": [{ "id", "match", "type", "priority", "disabled"? }],
 *   "retryLimits": { "<role id>": n },
 *   "supportEmail": "...", "supportUrl": "...",
 *   "connectorAlert": { "threshold": n, "windowHours": n } }
 * ```
 * and the older type names `missing-field`, `auth-failed`, `duplicate`, `provider-temporary`.
 * Everything version 0 did not hold comes from the built-in pack. Version 1 (Sync Assist 0.1)
 * had no preferredLabels in its fields. A pack with no schemaVersion is not guessed at: it is
 * refused like any unknown version.
 */
import { defaultRulePack } from './default';
import { RULE_PACK_SCHEMA_VERSION } from './schema';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const V0_TYPE_NAMES: Record<string, string> = {
  'missing-field': 'missing-required-field',
  'auth-failed': 'authorization-failed',
  duplicate: 'duplicate-detected',
  'provider-temporary': 'temporary-provider-issue',
};

/** Version 0 → 1. Values keep their types, so the v1 schema still names any bad one. */
function v0ToV1(old: Json): Json {
  const pack: Json = structuredClone(defaultRulePack) as unknown as Json;
  if (old.name !== undefined) pack.name = old.name;
  if (old.rules !== undefined) {
    pack.messageRules = Array.isArray(old.rules)
      ? old.rules.map((rule: unknown) => {
          if (!isObject(rule)) return rule;
          const { match, disabled, type, ...rest } = rule;
          return {
            ...rest,
            pattern: match,
            type: typeof type === 'string' ? (V0_TYPE_NAMES[type] ?? type) : type,
            enabled: disabled === undefined ? true : !disabled,
          };
        })
      : old.rules;
  }
  if (isObject(old.retryLimits)) {
    const limits = old.retryLimits;
    pack.roles = defaultRulePack.roles.map((role) =>
      limits[role.id] === undefined ? role : { ...role, retryLimit: limits[role.id] },
    );
  }
  const support = pack.support as Json;
  if (old.supportEmail !== undefined) support.email = old.supportEmail;
  if (old.supportUrl !== undefined) support.url = old.supportUrl;
  if (isObject(old.connectorAlert)) {
    const escalation = pack.escalation as Json;
    if (old.connectorAlert.threshold !== undefined)
      escalation.connectorFailureThreshold = old.connectorAlert.threshold;
    if (old.connectorAlert.windowHours !== undefined)
      escalation.windowHours = old.connectorAlert.windowHours;
  }
  pack.schemaVersion = 1;
  // Version 1 had no preferredLabels nor connectorAliases: the next step gives them as it does
  // to any version 1 pack.
  for (const spec of Object.values(pack.fields as Json)) delete (spec as Json).preferredLabels;
  delete pack.connectorAliases;
  delete pack.modules;
  return pack;
}

/**
 * Version 1 → 2: fields gained preferredLabels. Version 1's engine preferred the sync's own
 * status labels over a bare "Status" in every pack, so a version 1 pack's status field gets the
 * built-in list (the same labels that rule matched); other fields, none. The pack gained
 * connectorAliases and modules: a version 1 pack gets the built-in ones.
 */
function v1ToV2(old: Json): Json {
  const pack: Json = { ...old, schemaVersion: 2 };
  // Version 1 had no connector aliases: AWRA's own names for its connectors are facts, not taste.
  if (old.connectorAliases === undefined)
    pack.connectorAliases = structuredClone(defaultRulePack.connectorAliases);
  if (old.modules === undefined) pack.modules = [...defaultRulePack.modules];
  if (!isObject(old.fields)) return pack;
  const fields: Json = {};
  for (const [name, spec] of Object.entries(old.fields)) {
    const preferred = name === 'status' ? defaultRulePack.fields.status.preferredLabels : [];
    fields[name] =
      isObject(spec) && spec.preferredLabels === undefined
        ? { ...spec, preferredLabels: [...preferred] }
        : spec;
  }
  return { ...pack, fields };
}

/** steps[n] upgrades a version-n pack to version n + 1. */
const STEPS: Record<number, (old: Json) => Json> = { 0: v0ToV1, 1: v1ToV2 };

export type Migration = { ok: true; pack: Json; from: number } | { ok: false; error: string };

/** Brings a pack of any known version to the current one; unknown versions are refused. */
export function migratePack(input: Json): Migration {
  const from = input.schemaVersion;
  if (
    typeof from !== 'number' ||
    !Number.isInteger(from) ||
    from < 0 ||
    from > RULE_PACK_SCHEMA_VERSION
  ) {
    const newer = typeof from === 'number' && from > RULE_PACK_SCHEMA_VERSION;
    return {
      ok: false,
      error: `schemaVersion: unsupported version ${JSON.stringify(from) ?? 'missing'} (expected ${RULE_PACK_SCHEMA_VERSION}${newer ? '; this pack is from a newer Sync Assist: update the extension' : ''})`,
    };
  }
  let pack = input;
  for (let version = from; version < RULE_PACK_SCHEMA_VERSION; version++) {
    pack = STEPS[version]!(pack);
  }
  return { ok: true, pack, from };
}
