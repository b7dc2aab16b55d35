import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { browserAdapter } from '../../lib/popup/adapter';
import { defaultRulePack } from '../../lib/rules/default';
import { browserSettingsSource } from '../../lib/settings/browser-source';
import { loadSettings } from '../../lib/settings/watch';
import './popup.css';

// The effective pack (admin edits, managed policy) gives the support email and template.
const root = document.getElementById('app');
if (root)
  void loadSettings(browserSettingsSource, defaultRulePack).then(({ pack }) =>
    render(<PopupApp adapter={browserAdapter()} pack={pack} />, root),
  );
