/**
 * The rule tester: which rule and type a pasted message gets under a pack. The same code path
 * as the analyze CLI's `--messages` (compilePack + classifyMessage), so both agree.
 */
import { classifyMessage } from '../analyze/classify';
import { compileMessageRules } from '../analyze/classify';
import type { MessageType } from '../analyze/types';
import type { RulePack } from '../rules/schema';

export interface TestResult {
  messageType: MessageType | null;
  ruleId: string | null;
  /** The type's label in the pack's guidance ("Mapping missing"). */
  label: string | null;
}

export function testMessage(message: string, pack: RulePack): TestResult {
  const result = classifyMessage(message, compileMessageRules(pack.messageRules));
  const label = result.messageType ? (pack.guidance[result.messageType]?.label ?? null) : null;
  return { ...result, label };
}
