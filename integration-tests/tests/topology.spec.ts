// The network topology page against the real API server and the seeded demo data (integration-tests/cluster/seed/,
// topology.ts has the problem cases): what the graph holds, a clicked VM's path, what a tenant sees, problems,
// PNG export and keyboard access.
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { VM, VMI } from '../../src/domain/kube/vm';
import { TOPOLOGY_PROBLEMS } from '../cluster/seed/topology';
import { clientFor } from '../support/k8s';
import { actAs, shellUrl } from '../pages/shell';

const topology = (page: Page) => ({
  open: async (query = '') => {
    await page.goto(`${shellUrl()}/vm-network-topology/all-namespaces${query}`);
    await page.getByRole('heading', { name: 'Network topology' }).waitFor();
  },
  canvas: () => page.getByTestId('topology-canvas'),
  details: () => page.getByTestId('topology-details'),
  detailsTitle: () => page.getByTestId('topology-details-title'),
  path: () => page.getByTestId('topology-path'),
  /** The table view: every element and connection as text. */
  table: async () => {
    await page.getByTestId('view-table').click();
    await page.getByTestId('topology-table').waitFor();
    // Large pages, so the assertions see every row of the demo.
    for (const id of ['topology-elements-pages', 'topology-connections-pages']) {
      await page.locator(`#${id}-top-toggle`).click();
      await page.getByText('1000 per page', { exact: true }).click();
    }
    return page.getByTestId('topology-table');
  },
});

/** A running tenant-b VM attached to the localnet CUDN (the seed gives tenant-b VMs a cudn-localnet NIC). */
const localnetVM = async (): Promise<string> => {
  const admin = clientFor('admin');
  const vms = (await admin.get<{ items: VM[] }>('/apis/kubevirt.io/v1/namespaces/tenant-b/virtualmachines'))
    .body.items;
  const vmis = (
    await admin.get<{ items: VMI[] }>('/apis/kubevirt.io/v1/namespaces/tenant-b/virtualmachineinstances')
  ).body.items;
  const running = new Set(vmis.filter((v) => v.status?.phase === 'Running').map((v) => v.metadata.name));
  const vm = vms.find(
    (v) =>
      running.has(v.metadata.name) &&
      (v.spec.template.spec.networks ?? []).some((n) => n.multus?.networkName === 'cudn-localnet'),
  );
  if (!vm) throw new Error('the seed has no running tenant-b VM on cudn-localnet');
  return vm.metadata.name;
};

test('the demo graph shows each network kind and the underlay', async ({ page, context }) => {
  await actAs(context, 'admin');
  const p = topology(page);
  await p.open();
  await expect(p.canvas()).toBeVisible();
  await expect(page.getByTestId('topology-legend')).toContainText('OVN localnet');
  const table = await p.table();
  const kinds = new Set(await table.locator('td[data-label="Kind"]').allTextContents());
  const wanted = [
    'Pod network',
    'UserDefinedNetwork',
    'ClusterUserDefinedNetwork',
    'NetworkAttachmentDefinition',
    'SriovNetwork',
    'Namespace',
    'Virtual machine',
    'Node',
    'OVN bridge mapping',
    'OVS bridge',
    'Linux bridge',
    'Bond',
    'VLAN interface',
    'Ethernet NIC',
    'SR-IOV physical function',
  ];
  expect(wanted.filter((k) => !kinds.has(k))).toEqual([]);
  // tenant-a's primary UDN isolates it: its namespace's primary network is the UDN, not the pod network.
  await page.getByTestId('view-graph').click();
  await p.open('?q=tenant-a%2Fprimary-udn');
  await expect(p.path()).toContainText('Namespace tenant-a (isolated)');
});

test('clicking a localnet VM highlights its path down to the NIC, and the panel links work', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const vm = await localnetVM();
  const p = topology(page);
  await p.open(`?q=${encodeURIComponent(`tenant-b/${vm}`)}`);
  // The search centres the VM; a real click in the middle of the canvas selects it.
  await expect(p.path()).toContainText(`tenant-b/${vm}`);
  await page.waitForTimeout(500);
  const box = (await p.canvas().boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(p.detailsTitle()).toHaveText(vm);
  await expect(p.details()).toContainText('cudn-localnet');
  const path = p.path();
  await expect(path).toContainText('ClusterUserDefinedNetwork cudn-localnet');
  await expect(path).toContainText('OVN bridge mapping physnet-ext → ovs-br1');
  await expect(path).toContainText('OVS bridge ovs-br1');
  await expect(path).toContainText('Ethernet NIC ens8');
  expect(new URL(page.url()).searchParams.get('sel')).toBe(`vm:tenant-b/${vm}`);
  await p.details().getByTestId('link-vm').click();
  await expect(page).toHaveURL(
    new RegExp(`/k8s/ns/tenant-b/kubevirt.io~v1~VirtualMachine/${vm}/vm-network-interfaces`),
  );
  await expect(page.getByTestId('interface-table')).toBeVisible();
});

test("tenant-a's graph and table hold no tenant-b object, and say what it may not list", async ({
  page,
  context,
}) => {
  await actAs(context, 'tenant-a');
  const p = topology(page);
  await p.open();
  await expect(page.getByTestId('topology-unreadable')).toContainText('NodeNetworkState');
  const table = await p.table();
  await expect(table.getByTestId('topology-elements')).toContainText('tenant-a');
  await expect(table).not.toContainText('tenant-b');
  // Node network state is cluster-scoped: a tenant sees where its VMs run, but no node's NICs or bridges.
  const kinds = await table.locator('td[data-label="Kind"]').allTextContents();
  expect(
    kinds.filter((k) => ['Node', 'Ethernet NIC', 'OVS bridge', 'ClusterUserDefinedNetwork'].includes(k)),
  ).toEqual([]);
});

test('a dangling NAD reference and other problems are shown where they are', async ({ page, context }) => {
  await actAs(context, 'admin');
  const d = TOPOLOGY_PROBLEMS.danglingNad;
  const p = topology(page);
  await p.open(`?q=${d.vm}&sel=${encodeURIComponent(`vm:${d.namespace}/${d.vm}`)}`);
  await expect(p.detailsTitle()).toHaveText(d.vm);
  await expect(p.details().getByTestId('topology-problem')).toContainText(
    `NetworkAttachmentDefinition ${d.namespace}/${d.nad} does not exist`,
  );
  const table = await p.table();
  await expect(table).toContainText(
    `Linux bridge ${TOPOLOGY_PROBLEMS.bridgeOnNoNode.bridge} exists on no node`,
  );
  await expect(table).toContainText(
    `Physical network ${TOPOLOGY_PROBLEMS.unmappedLocalnet.physicalNetworkName} has no OVN bridge mapping`,
  );
  await expect(table).toContainText(
    `No SriovNetworkNodePolicy provides resource ${TOPOLOGY_PROBLEMS.sriovNoPolicy.resourceName}`,
  );
  await expect(table).toContainText('failed on worker-1');
});

test('live: a network created or deleted on the server appears and goes without a reload', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const nads = '/apis/k8s.cni.cncf.io/v1/namespaces/tenant-b/network-attachment-definitions';
  const name = 'e2e-topology-live';
  const admin = clientFor('admin');
  await admin.delete(`${nads}/${name}`);
  const p = topology(page);
  await p.open(`?q=${name}`);
  await expect(page.getByTestId('topology-search')).toContainText('0');
  const created = await admin.create(nads, {
    apiVersion: 'k8s.cni.cncf.io/v1',
    kind: 'NetworkAttachmentDefinition',
    metadata: { name, namespace: 'tenant-b' },
    spec: { config: JSON.stringify({ cniVersion: '0.3.1', name, type: 'cnv-bridge', bridge: 'br1' }) },
  });
  expect(created.status).toBe(201);
  // The watch brings it in: the search finds it and the path names it.
  await expect(p.path()).toContainText(`NetworkAttachmentDefinition tenant-b/${name}`);
  await admin.delete(`${nads}/${name}`);
  await expect(p.path()).toBeEmpty();
});

test('a namespace with more than 40 VMs is one counted group, and searching one of its VMs opens it', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const admin = clientFor('admin');
  // A namespace of its own, so no other test sees these VMs; removed (with them) at the end.
  const ns = `e2e-topology-group-${Date.now().toString(36)}`;
  expect(
    (
      await admin.create('/api/v1/namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: ns },
      })
    ).status,
  ).toBe(201);
  try {
    const created = await Promise.all(
      Array.from({ length: 41 }, (_, i) =>
        admin.create(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines`, {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          metadata: { name: `grouped-vm-${i}`, namespace: ns },
          spec: {
            runStrategy: 'Halted',
            template: {
              spec: {
                domain: { devices: { interfaces: [{ name: 'default', masquerade: {} }] } },
                networks: [{ name: 'default', pod: {} }],
              },
            },
          },
        }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    const p = topology(page);
    await p.open();
    const elements = (await p.table()).getByTestId('topology-elements');
    await expect(elements).toContainText(`${ns} · VMs: 41`);
    await expect(elements).not.toContainText('grouped-vm-7');

    // Search finds the VM inside the group: its namespace opens, and the path starts from the VM.
    await page.getByTestId('view-graph').click();
    await page.getByTestId('topology-search').locator('input').fill('grouped-vm-7');
    await expect(p.path()).toContainText('grouped-vm-7');
    await expect(page).toHaveURL(new RegExp(`open=${ns}`));
    const opened = (await p.table()).getByTestId('topology-elements');
    await expect(opened).toContainText('grouped-vm-7');
    await expect(opened).not.toContainText(`${ns} · VMs`);
  } finally {
    await admin.delete(`/api/v1/namespaces/${ns}`);
  }
});

/** The brightness (0–255) of a PNG's top-left pixel, decoded by the browser. */
const cornerBrightness = (page: Page, png: Buffer) =>
  page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = 4;
    c.height = 4;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return (r! + g! + b!) / 3;
  }, png.toString('base64'));

const exportPng = async (page: Page): Promise<Buffer> => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('topology-png').click(),
  ]);
  expect(download.suggestedFilename()).toBe('network-topology.png');
  return readFileSync(await download.path());
};

test('PNG export downloads a non-empty PNG in the console theme, light or dark', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const p = topology(page);
  await p.open();
  await expect(p.canvas()).toBeVisible();
  const light = await exportPng(page);
  expect(light.length).toBeGreaterThan(10_000);
  expect(light.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(await cornerBrightness(page, light)).toBeGreaterThan(200);
  // The console switches themes with a class on <html>; the graph reads PatternFly's tokens again.
  await page.evaluate(() => document.documentElement.classList.add('pf-v6-theme-dark'));
  const dark = await exportPng(page);
  expect(await cornerBrightness(page, dark)).toBeLessThan(80);
});

test('keyboard: Tab reaches a network in the graph and Enter opens its panel', async ({ page, context }) => {
  await actAs(context, 'admin');
  const p = topology(page);
  await p.open();
  await p.canvas().focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('topology-announce')).not.toBeEmpty();
  const announced = await page.getByTestId('topology-announce').textContent();
  await page.keyboard.press('Enter');
  await expect(p.details()).toBeVisible();
  expect(announced).toContain(await p.detailsTitle().textContent());
  await page.keyboard.press('Escape');
  await expect(p.details()).toHaveCount(0);
});

// The README's screenshot: a localnet VM selected, its path highlighted. Taken on request only (UPDATE_SCREENSHOTS=1).
test('README screenshot of the topology', async ({ page, context }) => {
  test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/screenshots');
  mkdirSync('docs/screenshots', { recursive: true });
  await page.setViewportSize({ width: 1500, height: 950 });
  await actAs(context, 'admin');
  const vm = await localnetVM();
  const p = topology(page);
  await p.open(`?sel=${encodeURIComponent(`vm:tenant-b/${vm}`)}`);
  await expect(p.detailsTitle()).toHaveText(vm);
  await page.getByRole('button', { name: 'Fit the highlighted path' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/screenshots/topology.png' });
});
