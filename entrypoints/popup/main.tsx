import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { browserAdapter } from '../../lib/popup/adapter';
import { defaultRulePack } from '../../lib/rules/default';
import './popup.css';

const root = document.getElementById('app');
if (root) render(<PopupApp adapter={browserAdapter()} pack={defaultRulePack} />, root);
