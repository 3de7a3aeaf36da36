// First use (issue #12): what a new admin or tenant meets in the shell, at the widths people use (1440 and 1024
// px), against the real API server: the VM networks table fits, wizard errors show as fields are left, a taken
// name is the Name field's error, tenants learn what they may create before typing, one link change is one PATCH.
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { VM } from '../../src/domain/kube/vm';
import { clientFor } from '../support/k8s';
import { actAs, shellUrl, vmNetworksPage, vmPage } from '../pages/shell';
import { createNetworkPage } from '../pages/wizards';
import { seedOpenShiftConfig } from '../cluster/seed/openshift';

const WIDTHS = [1440, 1024] as const;

let adminClient: ReturnType<typeof clientFor> | undefined;
const admin = () => (adminClient ??= clientFor('admin'));
const VM_PATH = (ns: string, name: string) => `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines/${name}`;

/** The box of an element, relative to the viewport. */
const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
};

for (const width of WIDTHS) {
  test(`VM networks table fits ${width} px: every column in view, the VM column and kebab stay on a sideways scroll`, async ({
    page,
    context,
  }) => {
    await actAs(context, 'admin');
    await page.setViewportSize({ width, height: 900 });
    const list = vmNetworksPage(page);
    await list.open();
    const table = page.getByTestId('interface-table');
    await expect(list.rows().first()).toBeVisible();
    const scroller = page.getByTestId('interface-table-scroll');
    const area = await box(scroller);

    // No column outside the viewport (or the scroll area) without scrolling; no header truncated.
    const overflow = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, 'the table is wider than its area').toBeLessThanOrEqual(1);
    const headers = table.locator('thead th');
    const count = await headers.count();
    expect(count).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < count; i++) {
      const th = headers.nth(i);
      const b = await box(th);
      expect(b.x + b.width, `column ${i} (${await th.innerText()}) ends in view`).toBeLessThanOrEqual(
        Math.min(width, area.x + area.width) + 1,
      );
      const truncated = await th.evaluate((el) => {
        const inner = el.querySelector('.pf-v6-c-table__text') ?? el;
        return inner.scrollWidth > inner.clientWidth + 1;
      });
      expect(truncated, `header ${await th.innerText()} is not truncated`).toBe(false);
    }
    // The sticky header is opaque: rows do not show through it.
    const background = await headers
      .first()
      .evaluate((el) => getComputedStyle(el.closest('thead') ?? el).backgroundColor);
    expect(background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);

    // Every row names its VM, also the later rows of a VM.
    const firstRows = list.rows();
    const n = Math.min(await firstRows.count(), 8);
    for (let i = 0; i < n; i++) {
      await expect(firstRows.nth(i).locator('td').first().getByRole('link')).not.toBeEmpty();
    }

    // Scrolled sideways as far as it goes, the VM column and the kebab are still in view.
    await scroller.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    const row = firstRows.first();
    const vmCell = await box(row.locator('td').first());
    expect(vmCell.x).toBeGreaterThanOrEqual(area.x - 1);
    const kebab = await box(row.getByRole('button', { name: /^Actions for / }));
    expect(kebab.x + kebab.width).toBeLessThanOrEqual(Math.min(width, area.x + area.width) + 1);
  });
}

test('at 1024 px the shell navigation is behind a toggle', async ({ page, context }) => {
  await actAs(context, 'admin');
  await page.setViewportSize({ width: 1024, height: 768 });
  await vmNetworksPage(page).open();
  const nav = page.getByRole('navigation', { name: 'Shell navigation' });
  const toggle = page.getByTestId('nav-toggle');
  await expect(toggle).toBeVisible();
  await toggle.click();
  await expect(nav.getByRole('link', { name: 'Create network' })).toBeVisible();
});

/** The current step of the wizard, by its nav item. */
const currentStep = (page: Page) =>
  page.getByRole('navigation', { name: 'Create network steps' }).locator('[aria-current="step"]');

test('wizard: a field shows its error when left, Next stays on the step, review errors link to the field', async ({
  page,
  context,
}) => {
  await actAs(context, 'tenant-a');
  await page.setViewportSize({ width: 1024, height: 768 });
  const wizard = createNetworkPage(page);
  await wizard.open();
  await wizard.chooseKind('nad-layer2');

  // Nothing is said before the user typed and left a field.
  await expect(wizard.fieldIssues('name')).toBeHidden();
  await wizard.field('name').fill('My-Net');
  await expect(wizard.fieldIssues('name')).toBeHidden();
  await wizard.field('name').press('Tab');
  await expect(wizard.fieldIssues('name')).toContainText('lowercase');

  // Next stays on Basics and puts the cursor in the wrong field.
  await wizard.field('namespace').fill('tenant-a-dev');
  await wizard.next().click();
  await expect(currentStep(page)).toContainText('Basics');
  await expect(wizard.field('name')).toBeFocused();
  await wizard.field('name').fill(`first-use-${Date.now().toString(36)}`);
  await wizard.next().click();
  await expect(currentStep(page)).toContainText('Addressing');

  await wizard.field('subnets').fill('10.0.0.0/33');
  await wizard.field('subnets').press('Tab');
  await expect(wizard.fieldIssues('subnets')).toContainText('Not a valid');
  await wizard.field('mtu').fill('abc');
  await wizard.field('mtu').press('Tab');
  await expect(wizard.fieldIssues('mtu')).toBeVisible();
  await wizard.next().click();
  await expect(currentStep(page)).toContainText('Addressing');
  await expect(wizard.field('subnets')).toBeFocused();
  await wizard.field('subnets').fill('');
  await wizard.field('mtu').fill('');
  await wizard.next().click();
  await expect(currentStep(page)).toContainText('Review');
  // At 1024 px the YAML goes below the wizard: the kind reads on one line, not broken mid-word.
  const kindValue = page.locator('.pf-v6-c-description-list__description').first();
  await expect(kindValue).toHaveText('NetworkAttachmentDefinition');
  expect((await box(kindValue)).height).toBeLessThan(30);

  // Break a field of a visited step, come back to the review and press Create: the error is named by the
  // field's label and links to it.
  await wizard.step('Basics');
  await wizard.field('name').fill('Bad_Name');
  await wizard.step('Review and create');
  await wizard.createButton().click();
  const errors = page.getByTestId('review-errors');
  await expect(errors).toContainText('Name:');
  await expect(errors).not.toContainText('name:');
  await errors.getByRole('button', { name: 'Name' }).click();
  await expect(currentStep(page)).toContainText('Basics');
  await expect(wizard.field('name')).toBeFocused();
});

test('wizard: a taken name is the Name field error while typing; a 409 AlreadyExists lands on Name', async ({
  page,
  context,
}) => {
  await actAs(context, 'tenant-a');
  await page.setViewportSize({ width: 1440, height: 900 });
  const wizard = createNetworkPage(page);
  await wizard.open();
  await wizard.chooseKind('nad-layer2');
  await wizard.field('namespace').fill('tenant-a-dev');
  // dev-l2 is a seeded NAD of tenant-a-dev: said while typing, before leaving the field.
  await wizard.field('name').fill('dev-l2');
  await expect(wizard.fieldIssues('name')).toContainText('already exists');
  await wizard.next().click();
  await expect(currentStep(page)).toContainText('Basics');

  // SR-IOV networks are not watched by the wizard: the server's 409 AlreadyExists comes back on Name.
  await actAs(context, 'admin');
  await wizard.open();
  await wizard.chooseKind('sriov-network');
  await wizard.fill({ name: 'sriov-default', resourceName: 'intelnics', networkNamespace: 'default' });
  await wizard.step('Review and create');
  await wizard.createButton().click();
  await expect(page.getByTestId('review-errors')).toContainText('Name');
  await expect(page.getByText('changed meanwhile', { exact: false })).toBeHidden();
  await page.getByTestId('review-errors').getByRole('button', { name: 'Name' }).click();
  await expect(wizard.fieldIssues('name')).toContainText('already exists');
});

test('tenant-a sees which kinds and namespaces it may create in before typing', async ({ page, context }) => {
  await actAs(context, 'tenant-a');
  const wizard = createNetworkPage(page);
  await wizard.open();
  const select = page.getByTestId('kind-select');
  await expect(select.locator('option[value="cudn-layer2"]')).toContainText('you may not create');
  await expect(select.locator('option[value="nncp"]')).toContainText('you may not create');
  await expect(select.locator('option[value="sriov-policy"]')).toContainText('you may not create');
  await expect(select.locator('option[value="nad-layer2"]')).toContainText('only in tenant-a, tenant-a-dev');
  await expect(page.getByTestId('kinds-denied')).toContainText('ClusterUserDefinedNetwork');

  await wizard.chooseKind('nad-layer2');
  await expect(page.locator('#field-namespace-options option')).toHaveCount(2);
  await wizard.field('namespace').fill('tenant-b');
  await expect(wizard.fieldIssues('namespace')).toContainText('You may not create');
  await expect(wizard.fieldIssues('namespace')).toContainText('tenant-a, tenant-a-dev');
});

test('"Set link down" sends one PATCH', async ({ page, context }) => {
  // tenant-b/vm-00005 runs with the agent (seed cycle); no other test changes its link.
  const [ns, vm] = ['tenant-b', 'vm-00005'];
  await actAs(context, 'admin');
  const patches: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH' && r.url().includes(`/virtualmachines/${vm}`)) patches.push(r.url());
  });
  const list = vmNetworksPage(page);
  await list.open(ns, `?q=${vm}`);
  const row = list.row(ns, vm, 'default');
  try {
    await row.getByRole('button', { name: `Actions for default of ${vm}` }).click();
    await page.getByRole('menuitem', { name: 'Set link down' }).click();
    await expect
      .poll(
        async () =>
          (await admin().get<VM>(VM_PATH(ns, vm))).body.spec.template.spec.domain.devices.interfaces?.find(
            (i) => i.name === 'default',
          )?.state,
      )
      .toBe('down');
    await expect(row).toContainText('Down');
    // Give a second (StrictMode) PATCH time to show up; there must be none, and no modal.
    await page.waitForTimeout(1000);
    expect(patches).toHaveLength(1);
    await expect(page.getByTestId('link-state-modal')).toBeHidden();
  } finally {
    const current = (await admin().get<VM>(VM_PATH(ns, vm))).body;
    const ifaces = current.spec.template.spec.domain.devices.interfaces ?? [];
    await admin().patch(
      VM_PATH(ns, vm),
      {
        spec: {
          template: {
            spec: {
              domain: {
                devices: {
                  interfaces: ifaces.map((i) => {
                    const { state: _state, ...rest } = i;
                    return rest;
                  }),
                },
              },
            },
          },
        },
      },
      'merge',
    );
  }
});

test('add-interface modal: first field focused, plan shown once a network is chosen, an address outside the subnet refused and focused', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  await page.setViewportSize({ width: 1024, height: 768 });
  const vmView = vmPage(page);
  // tenant-b/vm-00001 is stopped (seed cycle) and does not have tenant-b-l2 (10.202.0.0/16) attached.
  await vmView.open('tenant-b', 'vm-00001');
  await vmView.addButton().click();
  const modal = vmView.modal();
  await expect(modal.getByTestId('iface-name')).toBeFocused();
  await expect(modal.getByTestId('hotplug-plan')).toBeHidden();
  await modal.getByTestId('iface-network').selectOption('tenant-b/tenant-b-l2');
  await expect(modal.getByTestId('hotplug-plan')).toBeVisible();
  await modal.getByTestId('iface-mac').fill('02:00:00:aa:bb:01');
  await modal.getByTestId('iface-static-ip').fill('192.168.1.5/24');
  await modal.getByTestId('iface-name').focus();
  await modal.getByTestId('save-interface').click();
  await expect(modal.getByTestId('field-staticIp-issues')).toContainText('10.202.0.0/16');
  await expect(modal.getByTestId('iface-static-ip')).toBeFocused();
  await modal.getByRole('button', { name: 'Cancel' }).click();
});

test("tenant-a's VM whose only network is attached is told to create a secondary network", async ({
  page,
  context,
}) => {
  await actAs(context, 'tenant-a');
  const vmView = vmPage(page);
  // tenant-a's VMs sit on the namespace's primary UDN, and tenant-a can read no other network there.
  await vmView.open('tenant-a', 'vm-00000');
  await vmView.addButton().click();
  const hint = vmView.modal().getByTestId('no-usable-network');
  await expect(hint).toBeVisible();
  await expect(hint.getByRole('link', { name: 'Create network' })).toBeVisible();
});

test("the shell's NAD link opens a page with the object", async ({ page, context }) => {
  await actAs(context, 'admin');
  const list = vmNetworksPage(page);
  await list.open('tenant-a-dev', '?q=vm-00000');
  await list.row('tenant-a-dev', 'vm-00000', 'dev-l2').getByTestId('iface-dev-l2-network').click();
  await expect(page).toHaveURL(
    /\/k8s\/ns\/tenant-a-dev\/k8s\.cni\.cncf\.io~v1~NetworkAttachmentDefinition\/dev-l2$/,
  );
  await expect(
    page.getByRole('heading', { name: 'NetworkAttachmentDefinition tenant-a-dev/dev-l2' }),
  ).toBeVisible();
  await expect(page.getByTestId('yaml-preview')).toContainText('name: dev-l2');
  await expect(page.getByTestId('yaml-preview')).toContainText('ovn-k8s-cni-overlay');
});

const NETWORK_CONFIG = '/apis/config.openshift.io/v1/networks/cluster';

test("subnets are checked against OpenShift's cluster network; when it cannot be read the wizard says so and falls back", async ({
  page,
  context,
}) => {
  const wizard = createNetworkPage(page);
  const subnetIssue = async (cidr: string) => {
    await wizard.field('subnets').fill(cidr);
    await wizard.field('subnets').press('Tab');
    return wizard.fieldIssues('subnets');
  };
  const toAddressing = async () => {
    await wizard.chooseKind('nad-layer2');
    await wizard.fill({ name: `fu-${Date.now().toString(36)}`, namespace: 'tenant-a-dev' });
    await wizard.next().click();
  };

  // The seed wrote Network "cluster" (10.128.0.0/14, 172.30.0.0/16): the admin's subnets are checked against it.
  await actAs(context, 'admin');
  expect((await admin().get(NETWORK_CONFIG)).status).toBe(200);
  await wizard.open();
  await expect(page.getByTestId('skipped-network-config')).toHaveCount(0);
  await toAddressing();
  await expect(await subnetIssue('10.131.0.0/16')).toContainText(
    'Overlaps the cluster network 10.128.0.0/14',
  );
  await expect(await subnetIssue('172.30.1.0/24')).toContainText(
    'Overlaps the service network 172.30.0.0/16',
  );

  // tenant-a may not read it (nor nodes, nor namespaces): the page says which checks did not run, and the pod
  // addresses tenant-a can see stand in (tenant-a-dev's VMs have 10.129.x pod addresses).
  await actAs(context, 'tenant-a');
  await wizard.open();
  await page.getByTestId('checks-skipped').getByRole('button').first().click();
  await expect(page.getByTestId('skipped-network-config')).toContainText('permissions');
  await expect(page.getByTestId('skipped-nodes')).toBeVisible();
  await toAddressing();
  await expect(await subnetIssue('10.129.0.0/16')).toContainText('pod-network address of VM tenant-a-dev/');
  await expect(await subnetIssue('10.128.0.0/16')).toContainText("OpenShift's default cluster network");

  // Without the object at all (as on plain Kubernetes), the admin is told too, and OpenShift's defaults apply.
  try {
    expect((await admin().delete(NETWORK_CONFIG)).status).toBe(200);
    await actAs(context, 'admin');
    await wizard.open();
    await page.getByTestId('checks-skipped').getByRole('button').first().click();
    await expect(page.getByTestId('skipped-network-config')).toBeVisible();
    await toAddressing();
    await expect(await subnetIssue('172.30.1.0/24')).toContainText("OpenShift's default service network");
  } finally {
    await seedOpenShiftConfig(admin());
  }
});

test('words: search finds interface and network names and a dotted MAC; badges say why; the shell has a favicon', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const list = vmNetworksPage(page);
  // An interface name and a network name find their rows.
  await list.open('default', '?q=physnet');
  await expect(list.rows().first()).toHaveAttribute('data-test', /-physnet$/);
  await list.open('tenant-a-dev', '?q=dev-vlan30');
  await expect(list.rows().first()).toHaveAttribute('data-test', /-hot-dev$/);
  // A MAC written as Cisco does (the seed gives default/vm-00000's first NIC 02:00:00:03:00:00).
  await list.open('default', '?q=0200.0003.0000');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row('default', 'vm-00000', 'default')).toBeVisible();
  // A pending badge says why it is there and what to do.
  await list.open('default', '?pending=1');
  const badge = list.rows().first().locator('[data-test^="flag-"]').first();
  await expect(badge).toHaveAttribute('title', /.{30,}/);
  // The summary counts in the singular too.
  await list.open('default', '?q=0200.0003.0000');
  await expect(page.getByTestId('interface-summary')).toHaveText('1 interface on 1 VM');

  const favicon = await page.request.get(`${new URL(page.url()).origin}/favicon.svg`);
  expect(favicon.status()).toBe(200);
  expect(await favicon.text()).toContain('<svg');
});

test('an untouched wizard warns about nothing, and its YAML has no half-made names', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const wizard = createNetworkPage(page);
  await wizard.open();
  await wizard.chooseKind('udn-layer2');
  await expect(page.locator('.pf-v6-c-helper-text__item.pf-m-warning')).toHaveCount(0);
  await wizard.chooseKind('nad-layer2');
  await expect(wizard.yaml()).toContainText('ovn-k8s-cni-overlay');
  await expect(wizard.yaml()).not.toContainText('"."');
  await expect(wizard.yaml()).not.toContainText('"/"');
  await expect(wizard.yaml()).not.toContainText('null');
});

// The README's narrow-screen screenshot (the wide one is taken by vm-networks.spec.ts): on request only.
test('README screenshot at 1024 px', async ({ page, context }) => {
  test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/screenshots');
  mkdirSync('docs/screenshots', { recursive: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await actAs(context, 'admin');
  const list = vmNetworksPage(page);
  await list.open();
  await expect(list.rows().first()).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/vm-networks-1024.png' });
});

test('a CUDN selector says which namespaces it matches, and warns on a bare word that matches none', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const wizard = createNetworkPage(page);
  await wizard.open();
  await wizard.chooseKind('cudn-layer2');
  await wizard.field('name').fill(`fu-${Date.now().toString(36)}`);
  await wizard.field('namespaceSelector').fill('kubernetes.io/metadata.name=tenant-b');
  await expect(page.getByText('1 namespace matches: tenant-b')).toBeVisible();
  await wizard.field('namespaceSelector').fill('tenant-b');
  await wizard.field('namespaceSelector').press('Tab');
  await expect(wizard.fieldIssues('namespaceSelector')).toContainText('Matches no namespace');
});

test('leaving the VM networks page while its watches connect logs no "closed before established" warning', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  await page.setViewportSize({ width: 1440, height: 900 });
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (/closed before the connection is established/i.test(m.text())) warnings.push(m.text());
  });
  // Slow handshakes (Chromium's network emulation also delays WebSocket upgrades) so the page is left while its
  // watch sockets are still connecting, as a person clicking away on a busy cluster does.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await page.goto(`${shellUrl()}/vm-networks/all-namespaces`);
  const socket = await page.waitForEvent('websocket', (ws) => ws.url().includes('/api/kubernetes/')); // not vite's
  await page
    .getByRole('navigation', { name: 'Shell navigation' })
    .getByRole('link', { name: 'Create network' })
    .click();
  await expect(page).toHaveURL(/create/);
  if (!socket.isClosed()) await socket.waitForEvent('close', { timeout: 10_000 }); // closed once open: not leaked
  expect(socket.isClosed()).toBe(true);
  expect(warnings).toEqual([]);
});
