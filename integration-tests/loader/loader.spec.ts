// The built plugin, loaded the way console 4.22 loads it: lib-core's PluginStore in a webpack module
// federation host, served with console's headers and enforced CSP (globalSetup.ts, host/main.js), its API calls
// going through a console-like consoleFetch and a Bridge-like proxy to the local cluster (server.ts), so each
// exposed page is checked for the cluster's data, not only its heading.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

type LoaderHost = {
  shareScopeKeys: () => string[];
  pluginInfo: () => { name: string; status: string; error: string | null }[];
  resolveCodeRefs: () => Promise<{
    extensions: number;
    results: { uid: string; path: string; resolved: string }[];
  }>;
  render: (moduleName: string, pattern: string, url: string, objPath?: string) => Promise<void>;
  pluginUsesHostModule: (key: string) => boolean;
  impersonate: (kind: 'User' | 'Group', name: string) => void;
  stopImpersonating: () => void;
  unmount: (moduleName: string) => void;
};
declare global {
  interface Window {
    loaderHost: LoaderHost;
    cspViolations: string[];
  }
}

const PLUGIN = 'vm-network-console-plugin';
const TITLE_KEY = '@patternfly/react-core/dist/dynamic/components/Title';
/**
 * Each exposed page: its heading (level 1 for pages; a details-page tab sits under the console's h1, so level 2),
 * the route console would render it at (pattern, URL), and what of the seeded cluster it must show (a selector).
 */
const PAGES: Record<
  string,
  { heading: string; level?: number; pattern: string; url: string; data: string; obj?: string }
> = {
  VMNetworksPage: {
    heading: 'VM networks',
    pattern: '/vm-networks/ns/:ns',
    url: '/vm-networks/ns/tenant-a',
    data: '[data-test="row-tenant-a-vm-00005-default"]',
  },
  VMInterfacesTab: {
    heading: 'Network interfaces',
    level: 2,
    pattern: '/k8s/ns/:ns/kubevirt.io~v1~VirtualMachine/:name/vm-network-interfaces',
    url: '/k8s/ns/tenant-a/kubevirt.io~v1~VirtualMachine/vm-00005/vm-network-interfaces',
    // The console's details page passes the VM it fetched.
    obj: '/apis/kubevirt.io/v1/namespaces/tenant-a/virtualmachines/vm-00005',
    data: '[data-test="interface-table"] [data-test="row-tenant-a-vm-00005-default"]',
  },
  TopologyPage: {
    heading: 'Network topology',
    pattern: '/vm-network-topology/all-namespaces',
    url: '/vm-network-topology/all-namespaces',
    data: '[data-test="topology-canvas"]',
  },
  CreateNetworkPage: {
    heading: 'Create network',
    pattern: '/vm-networks/create',
    url: '/vm-networks/create',
    // Offered only once discovery (through consoleFetch) found the NetworkAttachmentDefinition API.
    data: '[data-test="kind-select"] option[value="nad-layer2"]:not([disabled])',
  },
};
const manifest = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../dist/plugin-manifest.json'), 'utf8'),
) as {
  extensions: unknown[];
};
const codeRefCount = JSON.stringify(manifest.extensions).split('"$codeRef"').length - 1;

const serverURL = () => {
  const url = process.env.LOADER_TEST_URL;
  if (!url)
    throw new Error('LOADER_TEST_URL is not set; run through integration-tests/loader/playwright.config.ts');
  return url;
};

/** Opens a host variant, recording fetched paths, page errors and CSP violations. */
const openHost = async (page: Page, variant: string) => {
  const fetched: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    // A 404 from API discovery (`/apis/<group>/<version>`) is an answer: the local cluster is not OpenShift,
    // so e.g. operator.openshift.io is not served, and the plugin says so instead of failing.
    const discovery = /\/api\/kubernetes\/apis\/[^/]+\/[^/]+$/.test(new URL(r.url()).pathname);
    if (r.status() >= 400 && !(r.status() === 404 && discovery)) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    // "Failed to load resource" repeats a failed response, which is reported above with its URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${serverURL()}/${variant}/`);
  await expect(page.getByTestId('host-status')).toHaveText('ready');
  return { fetched, errors };
};

for (const variant of ['with-pf', 'without-pf']) {
  test.describe(`host ${variant}`, () => {
    test('loads the plugin, resolves every code ref and renders every exposed page', async ({ page }) => {
      const { fetched, errors } = await openHost(page, variant);

      expect(await page.evaluate(() => window.loaderHost.pluginInfo())).toEqual([
        { name: PLUGIN, status: 'loaded', error: null },
      ]);
      const entry = fetched.find((p) => /^\/api\/plugins\/[^/]+\/plugin-entry\.[0-9a-f]+\.js$/.test(p));
      expect(entry, 'the content-hashed entry script was fetched').toBeDefined();

      const { extensions, results } = await page.evaluate(() => window.loaderHost.resolveCodeRefs());
      expect(extensions).toBe(manifest.extensions.length);
      expect(results).toHaveLength(codeRefCount);
      for (const r of results) expect(r.resolved, `${r.uid} ${r.path}`).toBe('function');

      for (const [moduleName, { heading, level = 1, pattern, url, data, obj }] of Object.entries(PAGES)) {
        await page.evaluate(([m, p, u, o]) => window.loaderHost.render(m, p, u, o), [
          moduleName,
          pattern,
          url,
          obj,
        ] as const);
        const container = page.getByTestId(`page-${moduleName}`);
        const title = container.getByRole('heading', { level, name: heading });
        const renderError = container.getByTestId('render-error');
        await expect(title.or(renderError)).toBeVisible();
        // allTextContents does not wait (textContent would wait for an element that is not there).
        expect(await renderError.allTextContents(), `${moduleName} threw while rendering`).toEqual([]);
        // The cluster's data, fetched through consoleFetch and the proxy (and watched over WebSockets).
        await expect(
          container.locator(data).first(),
          `${moduleName} shows the cluster's data`,
        ).toBeAttached();
      }
      // Hooks ran (useTranslation), and with the host's React, not a copy.
      expect(await page.evaluate(() => window.loaderHost.pluginUsesHostModule('react'))).toBe(true);

      const fallbacks = fetched.filter((p) => p.includes('/chunks/pf-'));
      const scopeKeys = await page.evaluate(() => window.loaderHost.shareScopeKeys());
      if (variant === 'with-pf') {
        expect(fallbacks).toEqual([]);
        expect(await page.evaluate((k) => window.loaderHost.pluginUsesHostModule(k), TITLE_KEY)).toBe(true);
        expect(scopeKeys).toContain(TITLE_KEY);
      } else {
        expect(scopeKeys.filter((k) => k.startsWith('@patternfly/'))).toEqual([]);
        expect(fallbacks.length, 'PatternFly fallback chunks fetched').toBeGreaterThan(0);
      }

      expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}

test('console impersonation: lists and watches act as the impersonated user', async ({ page, request }) => {
  await openHost(page, 'with-pf');
  const render = (url: string) =>
    page.evaluate(([m, p, u]) => window.loaderHost.render(m, p, u), [
      'VMNetworksPage',
      '/vm-networks/ns/:ns',
      url,
    ] as const);
  const container = page.getByTestId('page-VMNetworksPage');
  const upgrades = async () =>
    (await (await request.get(`${serverURL()}/api/test/upgrades`)).json()) as {
      path: string;
      impersonateUser?: string;
    }[];

  // As the session's user (cluster admin): tenant-b's VMs are there.
  await render('/vm-networks/ns/tenant-b');
  await expect(container.locator('[data-test^="row-tenant-b-"]').first()).toBeAttached();
  await page.evaluate(() => window.loaderHost.unmount('VMNetworksPage'));

  // Impersonating tenant-a: its own VMs, watched as tenant-a (the subprotocol became Impersonate-User).
  // The admin page's last watch upgrades may still be on their way to the server (its list answered just before
  // the unmount): count from when no new upgrade arrived for a second, so they are not taken for tenant-a's.
  let before = (await upgrades()).length;
  for (let settled = 0; settled < 2;) {
    await page.waitForTimeout(500);
    const now = (await upgrades()).length;
    settled = now === before ? settled + 1 : 0;
    before = now;
  }
  await page.evaluate(() => window.loaderHost.impersonate('User', 'tenant-a'));
  await render('/vm-networks/ns/tenant-a');
  await expect(container.locator('[data-test="row-tenant-a-vm-00005-default"]')).toBeAttached();
  await expect.poll(async () => (await upgrades()).slice(before).length).toBeGreaterThan(0);
  const watches = (await upgrades()).slice(before);
  expect(
    watches.every((u) => u.impersonateUser === 'tenant-a'),
    JSON.stringify(watches),
  ).toBe(true);
  await page.evaluate(() => window.loaderHost.unmount('VMNetworksPage'));

  // …and tenant-b's namespace shows none of tenant-b's VMs: the lists were refused for tenant-a.
  await render('/vm-networks/ns/tenant-b');
  await expect(container.getByRole('heading', { name: 'VM networks' })).toBeVisible();
  await page.waitForTimeout(2000);
  expect(await container.locator('[data-test^="row-tenant-b-"]').count()).toBe(0);
});

test('serves plugin files with console headers', async ({ request }) => {
  const res = await request.get(`${serverURL()}/api/plugins/${PLUGIN}/plugin-manifest.json`);
  expect(res.headers()['content-type']).toContain('application/json');
  const { loadScripts } = (await res.json()) as { loadScripts: string[] };
  const entry = await request.get(`${serverURL()}/api/plugins/${PLUGIN}/${loadScripts[0]}`);
  expect(entry.headers()['content-type']).toBe('text/javascript; charset=utf-8');
  expect(entry.headers()['x-content-type-options']).toBe('nosniff');
  expect(entry.headers()['content-security-policy']).toMatch(/script-src 'self' 'unsafe-eval' 'nonce-[^']+'/);
});
