// First: zod's settings, before any module builds a schema (see the module).
import '../shared/zod-jitless';
import { render } from 'preact';
import { App } from './App';

// The report is a bilingual document (Vietnamese first): the page's language is Vietnamese.
document.documentElement.lang = 'vi';
render(<App />, document.getElementById('app')!);
