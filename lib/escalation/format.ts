import type { RulePack } from '../rules/schema';

/** Values for the guide's escalation format; missing ones print as "(not shown)". */
export interface EscalationValues {
  connector: string | null;
  recordNumber: string | null;
  syncRun: string | null;
  status: string | null;
  message: string | null;
  retryCount: number | null;
  expectedResult?: string | null;
  whatChanged?: string | null;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills the pack's escalation template as plain text. Values are inserted verbatim (the exact
 * message matters to support); "{name}" inside a value is never expanded again.
 */
export function formatEscalation(values: EscalationValues, pack: RulePack): string {
  const lookup = values as unknown as Record<string, unknown>;
  return pack.escalation.template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in lookup) && !['expectedResult', 'whatChanged'].includes(name)) return whole;
    const value = lookup[name];
    if (value === null || value === undefined || value === '')
      return name === 'expectedResult' || name === 'whatChanged' ? '(to fill in)' : '(not shown)';
    return String(value);
  });
}
