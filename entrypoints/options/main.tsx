import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import { browserOptionsAdapter } from '../../lib/options/adapter';
import { defaultRulePack } from '../../lib/rules/default';
import '../../assets/theme.css';
import './options.css';

const root = document.getElementById('app');
if (root) render(<OptionsApp adapter={browserOptionsAdapter()} defaults={defaultRulePack} />, root);
