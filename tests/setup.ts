// Unit tests run in happy-dom with an in-memory IndexedDB (fake-indexeddb),
// and WXT's fake browser (installed by WxtVitest) for extension APIs.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
