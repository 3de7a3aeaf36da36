/**
 * What every render test of a view needs: react-i18next with no resources (the keys are the English text, so a
 * test reads what an English user sees, params filled in), `data-test` as Testing Library's test id, and a clean
 * DOM after each test. Import it from a test that starts with `// @vitest-environment jsdom`.
 */
import { cleanup, configure } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, vi } from 'vitest';

await i18next.use(initReactI18next).init({ lng: 'en', resources: {}, interpolation: { escapeValue: false } });
configure({ testIdAttribute: 'data-test' });
afterEach(cleanup);
// jsdom lays nothing out: views that bring a field into view before focusing it get a no-op.
if (!('scrollIntoView' in Element.prototype))
  Object.defineProperty(Element.prototype, 'scrollIntoView', { value: () => undefined });
// A wizard's test clicks through several steps, each a full render: on the shared 2-core machine that takes seconds.
vi.setConfig({ testTimeout: 30_000 });
