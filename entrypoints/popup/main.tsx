import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { browserAdapter } from '../../lib/popup/adapter';
import { defaultRulePack } from '../../lib/rules/default';
import { browserSettingsSource } from '../../lib/settings/browser-source';
import { loadSettings } from '../../lib/settings/watch';
import '../../assets/theme.css';
import './popup.css';

// Shown at once with the built-in pack, then with the effective one (admin edits, managed
// policy), which gives the support email and the template; the popup keeps its state.
const root = document.getElementById('app');
if (root) {
  const adapter = browserAdapter();
  render(<PopupApp adapter={adapter} pack={defaultRulePack} />, root);
  void loadSettings(browserSettingsSource, defaultRulePack).then(({ pack }) =>
    render(<PopupApp adapter={adapter} pack={pack} />, root),
  );
}
