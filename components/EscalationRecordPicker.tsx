import type { SerializedRecord } from '../lib/messaging/protocol';
import { recordLabel } from '../lib/popup/records';

/** With several failing records on the page, the user picks the one to escalate. */
export function EscalationRecordPicker(props: {
  records: SerializedRecord[];
  selected: number;
  onSelect(index: number): void;
}) {
  return (
    <div class="field">
      <label for="record-picker">Record to escalate</label>
      <select
        id="record-picker"
        value={String(props.selected)}
        onChange={(event) => props.onSelect(Number(event.currentTarget.value))}
      >
        {props.records.map((record, index) => (
          <option key={index} value={String(index)}>
            {recordLabel(record)}
          </option>
        ))}
      </select>
    </div>
  );
}
