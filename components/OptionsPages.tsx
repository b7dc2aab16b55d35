import { useState } from 'preact/hooks';
import { PAGE_KINDS, RECORD_FIELDS, type PageKind, type RecordField } from '../lib/analyze/types';
import type { RulePack } from '../lib/rules/schema';
import { OptionsConnectorNames } from './OptionsConnectorNames';
import { OptionsPatternList } from './OptionsPatternList';

const SIGNALS = [
  ['urlPatterns', 'URL patterns'],
  ['headingPatterns', 'Heading patterns'],
  ['sectionPatterns', 'Section heading patterns'],
] as const;

/**
 * Pages and fields: page detection signals per screen, label synonyms per record field, and the
 * names one connector goes by.
 */
export function OptionsPages(props: {
  pack: RulePack;
  locked: boolean;
  onChange(
    change: Pick<RulePack, 'pages'> | Pick<RulePack, 'fields'> | Pick<RulePack, 'connectorAliases'>,
  ): void;
}) {
  const { pack, locked } = props;
  const [kind, setKind] = useState<PageKind>('sync-hub');
  const [field, setField] = useState<RecordField>('connector');
  const spec = pack.fields[field]!;
  return (
    <section id="pages" aria-labelledby="pages-h">
      <h2 id="pages-h">Pages and fields</h2>
      <div class="field">
        <label for="page-kind">Screen</label>
        <select
          id="page-kind"
          value={kind}
          onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as PageKind)}
        >
          {PAGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      {SIGNALS.map(([key, label]) => (
        <OptionsPatternList
          key={`${kind}-${key}`}
          id={`page-${key}`}
          label={`${label} (one regular expression a line)`}
          values={pack.pages[kind][key]}
          patterns
          locked={locked}
          onChange={(values) =>
            props.onChange({
              pages: { ...pack.pages, [kind]: { ...pack.pages[kind], [key]: values } },
            })
          }
        />
      ))}
      <div class="field">
        <label for="field-name">Record field</label>
        <select
          id="field-name"
          value={field}
          onChange={(e) => setField((e.currentTarget as HTMLSelectElement).value as RecordField)}
        >
          {RECORD_FIELDS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
      <OptionsPatternList
        key={`${field}-labels`}
        id="field-labels"
        label="Label synonyms (one a line, as AWRA shows them)"
        values={spec.labels}
        locked={locked}
        onChange={(labels) =>
          props.onChange({ fields: { ...pack.fields, [field]: { ...spec, labels } } })
        }
      />
      <OptionsPatternList
        key={`${field}-preferred`}
        id="field-preferred-labels"
        label="Labels that win over the field's other labels on the same record (one a line: “Sync status” over a plain “Status”)"
        values={spec.preferredLabels}
        locked={locked}
        onChange={(preferredLabels) =>
          props.onChange({ fields: { ...pack.fields, [field]: { ...spec, preferredLabels } } })
        }
      />
      <OptionsConnectorNames
        aliases={pack.connectorAliases}
        locked={locked}
        onChange={(connectorAliases) => props.onChange({ connectorAliases })}
      />
    </section>
  );
}
