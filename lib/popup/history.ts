/** Typed requests to the background's escalation history; null when it is unavailable. */
import {
  parseEscalationResponse,
  type EscalationAnswer,
  type EscalationRequest,
  type EscalationRequestType,
} from '../messaging/escalation-protocol';
import type { PopupAdapter } from './adapter';

type RequestOf<T extends EscalationRequestType> = Extract<EscalationRequest, { type: T }>;

export async function ask<T extends EscalationRequestType>(
  adapter: PopupAdapter,
  request: RequestOf<T>,
): Promise<EscalationAnswer<T> | null> {
  const raw = await adapter.sendRuntime(request).catch(() => undefined);
  const parsed = parseEscalationResponse(request.type as T, raw);
  if (parsed === null || parsed.available !== true) return null;
  return parsed as EscalationAnswer<T>;
}
