// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { OptionsLimits } from '../../components/OptionsLimits';
import { OptionsRole } from '../../components/OptionsRole';
import type { OptionsAdapter } from '../../lib/options/adapter';
import { defaultRulePack } from '../../lib/rules/default';
import { layerSettings } from '../../lib/settings/layers';

const settings = layerSettings({
  defaults: defaultRulePack,
  stored: null,
  storedRole: 'finance',
  managed: { supportEmail: 'desk@corp.example', role: 'approver' },
});

describe('policy values in the options page', () => {
  it('show the policy value, locked, and leave the rest editable', () => {
    const root = document.createElement('div');
    render(<OptionsLimits pack={defaultRulePack} settings={settings} onChange={() => {}} />, root);
    const email = root.querySelector<HTMLInputElement>('#support-email')!;
    expect(email.value).toBe('desk@corp.example');
    expect(email.disabled).toBe(true);
    expect(root.querySelector('#support-email-note')?.textContent).toMatch(/policy \(locked\)/);
    expect(root.querySelector<HTMLInputElement>('#support-url')!.disabled).toBe(false);
  });

  it('locks the role picker on the policy role', () => {
    const root = document.createElement('div');
    const adapter = {} as OptionsAdapter;
    render(<OptionsRole adapter={adapter} pack={settings.pack} settings={settings} />, root);
    const select = root.querySelector<HTMLSelectElement>('#role-select')!;
    expect(select.disabled).toBe(true);
    expect(select.value).toBe('approver');
  });
});
