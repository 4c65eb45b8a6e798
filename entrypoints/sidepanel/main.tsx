// First: zod's settings, before any module builds a schema (see the module).
import '../shared/zod-jitless';
import { render } from 'preact';
import { uiLanguage } from '../../lib/i18n';
import { App } from './App';

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app')!);
