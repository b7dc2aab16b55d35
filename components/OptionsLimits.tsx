import { isSupportEmail } from '../lib/options/pack-io';
import type { RulePack } from '../lib/rules/schema';
import { isLocked, type EffectiveSettings, type LockKey } from '../lib/settings/layers';
import { OptionsField } from './OptionsField';

const intProblem = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max
    ? null
    : `A whole number from ${min} to ${max}.`;

/**
 * Retry and escalation: retry limit per role, the connector-wide alert, support contacts and the
 * escalation template. A value set by policy shows the policy's value, locked.
 */
export function OptionsLimits(props: {
  pack: RulePack;
  settings: EffectiveSettings;
  onChange(change: Partial<Pick<RulePack, 'roles' | 'escalation' | 'support'>>): void;
}) {
  const { pack, settings } = props;
  const effective = settings.pack;
  const locked = (key: LockKey) => isLocked(settings, key);
  const shown = <T,>(key: LockKey, mine: T, theirs: T) => (locked(key) ? theirs : mine);
  const number = (text: string) => (text.trim() === '' ? NaN : Number(text));
  // A cleared number field stays empty (and Save lists it) rather than showing "NaN".
  const show = (value: number) => (Number.isNaN(value) ? '' : String(value));
  const escalation = (change: Partial<RulePack['escalation']>) =>
    props.onChange({ escalation: { ...pack.escalation, ...change } });
  const support = (change: Partial<RulePack['support']>) =>
    props.onChange({ support: { ...pack.support, ...change } });
  return (
    <section id="limits" aria-labelledby="limits-h">
      <h2 id="limits-h">Retry and escalation</h2>
      <fieldset>
        <legend>Retries allowed per failure, by role</legend>
        <div class="grid">
          {pack.roles.map((role, i) => {
            const key = `roles.${role.id}.retryLimit` as const;
            const value = shown(
              key,
              role.retryLimit,
              effective.roles.find((r) => r.id === role.id)?.retryLimit ?? role.retryLimit,
            );
            return (
              <OptionsField
                key={role.id}
                id={`retry-${role.id}`}
                label={role.label}
                type="number"
                value={show(value)}
                locked={locked(key)}
                problem={intProblem(value, 0, 20)}
                onInput={(text) =>
                  props.onChange({
                    roles: pack.roles.map((r, j) =>
                      j === i ? { ...r, retryLimit: number(text) } : r,
                    ),
                  })
                }
              />
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Connector-wide alert</legend>
        <div class="grid">
          <OptionsField
            id="threshold"
            label="Failed records of one connector"
            type="number"
            value={show(
              shown(
                'escalation.connectorFailureThreshold',
                pack.escalation.connectorFailureThreshold,
                effective.escalation.connectorFailureThreshold,
              ),
            )}
            locked={locked('escalation.connectorFailureThreshold')}
            problem={intProblem(pack.escalation.connectorFailureThreshold, 1, 10000)}
            onInput={(text) => escalation({ connectorFailureThreshold: number(text) })}
          />
          <OptionsField
            id="window"
            label="Within the last (hours)"
            type="number"
            value={show(
              shown(
                'escalation.windowHours',
                pack.escalation.windowHours,
                effective.escalation.windowHours,
              ),
            )}
            locked={locked('escalation.windowHours')}
            problem={intProblem(pack.escalation.windowHours, 1, 24 * 90)}
            onInput={(text) => escalation({ windowHours: number(text) })}
          />
        </div>
      </fieldset>
      <OptionsField
        id="support-email"
        label="Support email"
        type="email"
        value={shown('support.email', pack.support.email, effective.support.email)}
        locked={locked('support.email')}
        problem={isSupportEmail(pack.support.email) ? null : 'Enter an email address.'}
        onInput={(email) => support({ email })}
      />
      <OptionsField
        id="support-url"
        label="Support URL"
        type="url"
        value={shown('support.url', pack.support.url, effective.support.url)}
        locked={locked('support.url')}
        problem={
          URL.canParse(pack.support.url)
            ? null
            : 'Enter a full URL, such as https://help.example.com.'
        }
        onInput={(url) => support({ url })}
      />
      <OptionsField
        id="template"
        label="Escalation template"
        multiline
        rows={9}
        value={shown(
          'escalation.template',
          pack.escalation.template,
          effective.escalation.template,
        )}
        locked={locked('escalation.template')}
        hint="Placeholders: {connector} {recordNumber} {syncRun} {status} {message} {retryCount} {expectedResult} {whatChanged}"
        onInput={(template) => escalation({ template })}
      />
    </section>
  );
}
