// Issue #11 in a real browser against the local cluster: the shell asks who to act as (no default user), a page
// of another origin cannot use the shell's proxy (fetch, cross-site write, WebSocket watch), and the remove modal
// sends what the user confirmed even when the interface changed meanwhile.
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import type { VM } from '../../src/domain/kube/vm';
import { clientFor } from '../support/k8s';
import { actAs, shellUrl, vmPage } from '../pages/shell';

const VM_PATH = (ns: string, name: string) => `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines/${name}`;
let adminClient: ReturnType<typeof clientFor> | undefined;
const admin = () => (adminClient ??= clientFor('admin'));
const getVM = async (ns: string, name: string) => (await admin().get<VM>(VM_PATH(ns, name))).body;

test('without a chosen user the shell asks who to act as, and sends no identity meanwhile', async ({
  page,
}) => {
  const api: number[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/kubernetes/')) api.push(r.status());
  });
  await page.goto(`${shellUrl()}/vm-networks/all-namespaces`);
  await expect(page.getByTestId('choose-user')).toBeVisible();
  expect(api).toEqual([]); // the pages did not even start
  await page.getByTestId('choose-user-tenant-a').click();
  await expect(page.getByRole('heading', { name: 'VM networks' })).toBeVisible();
  await expect(page.getByTestId('user-switcher')).toContainText('tenant-a');
});

/** A hostile page on another origin (localhost:<port> is another site than 127.0.0.1, and another origin). */
const evilSite = async (): Promise<{ url: string; server: Server }> => {
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end('<!doctype html><title>evil</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://localhost:${(server.address() as { port: number }).port}/`, server };
};

test('a page of another origin cannot read, write or watch through the shell proxy', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin'); // the victim uses the shell as admin in the same browser
  const victim = await context.newPage();
  await victim.goto(`${shellUrl()}/vm-networks/all-namespaces`);
  await expect(victim.getByRole('heading', { name: 'VM networks' })).toBeVisible();
  const name = `victim-${Date.now().toString(36)}`;
  const created = await admin().create('/api/v1/namespaces/tenant-a/configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name },
  });
  expect(created.status).toBe(201);
  const evil = await evilSite();
  try {
    await page.goto(evil.url);
    const shell = shellUrl();
    const outcome = await page.evaluate(
      async ({ shell, name }) => {
        const attempt = async (f: () => Promise<Response>) => {
          try {
            const r = await f();
            return `read ${r.status}: ${(await r.text()).slice(0, 40)}`;
          } catch {
            return 'blocked';
          }
        };
        // Without cookies (the old proxy fell back to admin) and with them.
        const read = await attempt(() =>
          fetch(`${shell}/api/kubernetes/api/v1/secrets`, { credentials: 'omit' }),
        );
        const readWithCookies = await attempt(() =>
          fetch(`${shell}/api/kubernetes/api/v1/secrets`, { credentials: 'include' }),
        );
        const del = await attempt(() =>
          fetch(`${shell}/api/kubernetes/api/v1/namespaces/tenant-a/configmaps/${name}`, {
            method: 'DELETE',
            credentials: 'omit',
          }),
        );
        // A simple (no-preflight) cross-site write: the browser sends it, whatever CORS says.
        await fetch(`${shell}/api/kubernetes/api/v1/namespaces/tenant-a/configmaps/${name}`, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          headers: { 'Content-Type': 'text/plain' },
          body: '{}',
        }).catch(() => undefined);
        const watch = await new Promise<string>((resolve) => {
          const ws = new WebSocket(
            `${shell.replace('http', 'ws')}/api/kubernetes/api/v1/configmaps?watch=true`,
          );
          ws.onmessage = (e) => resolve(`event: ${String(e.data).slice(0, 40)}`);
          ws.onerror = () => resolve('refused');
          setTimeout(() => resolve(ws.readyState === WebSocket.OPEN ? 'open' : 'no answer'), 5000);
        });
        return { read, readWithCookies, del, watch };
      },
      { shell, name },
    );
    expect(outcome).toEqual({
      read: 'blocked',
      readWithCookies: 'blocked',
      del: 'blocked',
      watch: 'refused',
    });
    expect((await admin().get(`/api/v1/namespaces/tenant-a/configmaps/${name}`)).status).toBe(200);
    // The victim's own tab still works, writes included (CSRF token from the cookie).
    await victim.reload();
    await expect(victim.getByRole('heading', { name: 'VM networks' })).toBeVisible();
  } finally {
    evil.server.close();
    await admin().delete(`/api/v1/namespaces/tenant-a/configmaps/${name}`);
  }
});

test('remove is pinned: an interface changed while the modal is open is not removed unseen', async ({
  page,
  context,
}) => {
  const [ns, vmName] = ['tenant-a-dev', 'vm-00007'];
  const iface = `pin-${Date.now().toString(36).slice(-5)}`;
  const vm = await getVM(ns, vmName);
  const spec = vm.spec.template.spec;
  const patchNics = (ifaces: object[], nets: object[]) =>
    admin().patch(
      VM_PATH(ns, vmName),
      { spec: { template: { spec: { domain: { devices: { interfaces: ifaces } }, networks: nets } } } },
      'merge',
    );
  const ifaces0 = spec.domain.devices.interfaces ?? [];
  const nets0 = spec.networks ?? [];
  expect(
    (
      await patchNics(
        [...ifaces0, { name: iface, bridge: {}, model: 'virtio' }],
        [...nets0, { name: iface, multus: { networkName: 'pin-net' } }],
      )
    ).status,
  ).toBe(200);
  try {
    await actAs(context, 'tenant-a');
    const view = vmPage(page);
    await view.open(ns, vmName);
    const row = view.row(ns, vmName, iface);
    await row.getByRole('button', { name: `Actions for ${iface} of ${vmName}` }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    const modal = page.getByTestId('remove-interface-modal');
    await expect(modal).toBeVisible();

    // Someone changes that interface; the page's watch delivers it while the modal is open.
    await patchNics(
      [...ifaces0, { name: iface, bridge: {}, model: 'e1000e' }],
      [...nets0, { name: iface, multus: { networkName: 'pin-net' } }],
    );
    await expect(row).toContainText('e1000e');

    await modal.getByTestId('confirm-remove').click();
    await expect(modal.getByTestId('conflict')).toBeVisible();
    await expect(modal.getByTestId('conflict-changes')).toContainText(`Interface ${iface} changed`);
    const after = await getVM(ns, vmName);
    expect(after.spec.template.spec.domain.devices.interfaces?.find((i) => i.name === iface)?.model).toBe(
      'e1000e',
    );
  } finally {
    const now = (await getVM(ns, vmName)).spec.template.spec;
    await patchNics(
      (now.domain.devices.interfaces ?? []).filter((i) => i.name !== iface),
      (now.networks ?? []).filter((n) => n.name !== iface),
    );
  }
});
