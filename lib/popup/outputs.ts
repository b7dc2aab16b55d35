/** Every output of one validated escalation, built from its redacted form so all agree. */
import {
  mailtoDraft,
  redactEscalation,
  toJson,
  toMarkdown,
  toPlainText,
  type Escalation,
} from '../escalation';
import type { RulePack } from '../rules/schema';

export interface Outputs {
  redacted: Escalation;
  text: string;
  markdown: string;
  json: string;
  mailto: string;
  shortened: boolean;
}

export function buildOutputs(
  esc: Escalation,
  unmasked: ReadonlySet<string>,
  pack: RulePack,
): Outputs {
  const redacted = redactEscalation(esc, unmasked);
  const mail = mailtoDraft(redacted, pack);
  return {
    redacted,
    text: toPlainText(redacted, pack),
    markdown: toMarkdown(redacted, pack),
    json: toJson(redacted),
    mailto: mail.url,
    shortened: mail.shortened,
  };
}

/** The history request for an output: the redacted escalation, as sent. */
export function saveRequest(redacted: Escalation) {
  return {
    type: 'escalation-save' as const,
    recordNumber: redacted.recordNumber,
    message: redacted.message,
    connector: redacted.connector,
    data: redacted,
  };
}

/** "escalation-INV-20417.json": safe characters only. */
export function fileName(recordNumber: string | null, ext: string): string {
  const base = (recordNumber ?? 'all').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
  return `escalation-${base || 'record'}.${ext}`;
}

/** The downloaded JSON with the tab's screenshot beside the escalation (never masked: it is a picture). */
export function withScreenshot(json: string, dataUrl: string, at: number): string {
  const payload = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify(
    { ...payload, screenshot: { format: 'png', capturedAt: new Date(at).toISOString(), dataUrl } },
    null,
    2,
  );
}
