import type { OptionsAdapter } from '../lib/options/adapter';
import type { RulePack } from '../lib/rules/schema';
import { isLocked, type EffectiveSettings } from '../lib/settings/layers';

/** My role: the AWRA role the overlay uses for "who may act" and the retry limit; saved at once. */
export function OptionsRole(props: {
  adapter: OptionsAdapter;
  pack: RulePack;
  settings: EffectiveSettings;
}) {
  const locked = isLocked(props.settings, 'role');
  return (
    <section id="role" aria-labelledby="role-h">
      <h2 id="role-h">My role</h2>
      <div class="field">
        <label for="role-select">Your AWRA role</label>
        <select
          id="role-select"
          value={props.settings.role}
          disabled={locked}
          aria-describedby="role-note"
          onChange={(e) =>
            void props.adapter.writeRole((e.currentTarget as HTMLSelectElement).value)
          }
        >
          {props.pack.roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.label}
            </option>
          ))}
        </select>
        <p class="hint" id="role-note">
          {locked
            ? 'Set by your organisation’s policy (locked). '
            : 'Saved as soon as you choose. '}
          The overlay uses it for who may act and how many retries you may make.
        </p>
      </div>
    </section>
  );
}
