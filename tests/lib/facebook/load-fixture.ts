import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Puts a saved-HTML fixture into happy-dom's document, parsed by DOMParser and
 * imported node by node (the markup is a fixture, never comment text we render).
 */
export function loadFixture(name: string): Document {
  const html = readFileSync(resolve('tests/fixtures/facebook', name), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
  return document;
}

/** The article whose aria-label starts with `label`. */
export function articleByLabel(label: string): Element {
  const found = Array.from(document.querySelectorAll('[role="article"]')).find((el) =>
    (el.getAttribute('aria-label') ?? '').startsWith(label),
  );
  if (!found) throw new Error(`no article labelled ${label}`);
  return found;
}
