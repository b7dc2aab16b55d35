import { BLOCKS, BLOCK_LABELS, type Block, type EscalationDraft } from '../lib/escalation';
import type { EscalationField as FieldName } from '../lib/escalation';
import type { RulePack } from '../lib/rules/schema';
import { EscalationField } from './EscalationField';
import { EscalationChecksDone } from './EscalationChecksDone';
import { asText } from './EscalationPageFields';
import { EscalationTriggerSelect } from './EscalationTriggerSelect';

/** What only the user can tell support, plus the trigger the overlay chose. */
export function EscalationAskedFields(props: {
  draft: EscalationDraft;
  problems: Partial<Record<FieldName, string>>;
  pack: RulePack;
  onChange(name: FieldName, value: string): void;
  onBlocks(blocks: Block[]): void;
  onTotals(mismatch: boolean): void;
}) {
  const { draft, problems } = props;
  const blocks = draft.blocks ?? [];
  const toggle = (block: Block, on: boolean) =>
    props.onBlocks(on ? [...blocks, block] : blocks.filter((b) => b !== block));
  return (
    <fieldset>
      <legend>From you</legend>
      <EscalationTriggerSelect
        value={typeof draft.trigger === 'string' ? draft.trigger : null}
        problem={problems.trigger}
        pack={props.pack}
        onChange={(value) => props.onChange('trigger', value)}
      />
      <EscalationField
        name="expectedResult"
        label="Expected result"
        value={asText(draft.expectedResult)}
        problem={problems.expectedResult}
        multiline
        required
        onInput={(value) => props.onChange('expectedResult', value)}
      />
      <EscalationField
        name="whatChanged"
        label="What changed recently"
        value={asText(draft.whatChanged)}
        problem={problems.whatChanged}
        multiline
        onInput={(value) => props.onChange('whatChanged', value)}
      />
      <fieldset>
        <legend>What it blocks</legend>
        {BLOCKS.map((block) => (
          <label class="check" key={block}>
            <input
              type="checkbox"
              checked={blocks.includes(block)}
              onChange={(event) => toggle(block, event.currentTarget.checked)}
            />
            {BLOCK_LABELS[block]}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          checked={draft.totalsMismatch === true}
          onChange={(event) => props.onTotals(event.currentTarget.checked)}
        />
        A retry succeeded but the outside totals still differ
      </label>
      <EscalationChecksDone ids={draft.checksTicked ?? []} pack={props.pack} />
    </fieldset>
  );
}
