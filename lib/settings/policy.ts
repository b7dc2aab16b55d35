/**
 * Enterprise policy: what an administrator may set through the browser's managed storage
 * (Chrome: the ExtensionSettings / 3rdparty policy, described by public/managed-schema.json).
 * Each value uses the rule pack's own limits; a value that fails is dropped and reported alone.
 */
import { z } from '../zod-mini';
import { ruleSchemas } from '../rules/schema';

/** Built on first use, like the pack's schemas it borrows from (lib/rules/schema.ts). */
function buildPolicySchema() {
  const { escalation, support } = ruleSchemas().RulePackSchema.shape;
  return z.object({
    /** A whole rule pack as JSON text; replaces the admin's pack and locks every rule section. */
    rulePack: z.string().check(z.maxLength(2_000_000)),
    /** The user's AWRA role id; locks the role picker. */
    role: z.string().check(z.minLength(1), z.maxLength(200)),
    supportEmail: support.shape.email,
    supportUrl: support.shape.url,
    connectorFailureThreshold: escalation.shape.connectorFailureThreshold,
    windowHours: escalation.shape.windowHours,
    escalationTemplate: escalation.shape.template,
    /** Retry limit per role id. */
    retryLimits: z.record(z.string().check(z.maxLength(200)), z.int().check(z.gte(0), z.lte(20))),
  });
}

let built: ReturnType<typeof buildPolicySchema> | undefined;
export const managedPolicySchema = () => (built ??= buildPolicySchema());

type PolicyValues = z.infer<ReturnType<typeof buildPolicySchema>>;
export type ManagedPolicy = Partial<PolicyValues>;
export type PolicyKey = keyof PolicyValues;

/** Every policy key (test/unit/settings-layers.test.ts holds it equal to the schema's keys). */
export const POLICY_KEYS = [
  'rulePack',
  'role',
  'supportEmail',
  'supportUrl',
  'connectorFailureThreshold',
  'windowHours',
  'escalationTemplate',
  'retryLimits',
] as const satisfies readonly PolicyKey[];

/** The valid part of a managed-storage read, and one problem line per dropped value. */
export function readPolicy(raw: unknown): { policy: ManagedPolicy; problems: string[] } {
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { policy, problems };
  for (const key of POLICY_KEYS) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = managedPolicySchema().shape[key].safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push(`policy ${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}; ignored`);
  }
  return { policy: policy as ManagedPolicy, problems };
}
