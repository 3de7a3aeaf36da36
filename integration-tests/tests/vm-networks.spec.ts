// VM networks against the real API server: what each user sees, and interface changes that never lose a
// concurrent edit. The seed (integration-tests/cluster/seed/vms.ts) gives each namespace VMs in every scenario.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { VM, VMI } from '../../src/domain/kube/vm';
import { clientFor } from '../support/k8s';
import { actAs, vmNetworksPage, vmPage } from '../pages/shell';

const VM_PATH = (ns: string, name: string) => `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines/${name}`;
const VMI_PATH = (ns: string, name: string) =>
  `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances/${name}`;

let adminClient: ReturnType<typeof clientFor> | undefined;
const admin = () => (adminClient ??= clientFor('admin'));
const getVM = async (ns: string, name: string) => (await admin().get<VM>(VM_PATH(ns, name))).body;

/** Removes interfaces a test added, so the tests can run again on the same cluster. */
const removeInterfaces = async (ns: string, name: string, names: string[]) => {
  const vm = await getVM(ns, name);
  const spec = vm.spec.template.spec;
  const keep = <T extends { name: string }>(xs: T[] | undefined) =>
    (xs ?? []).filter((x) => !names.includes(x.name));
  await admin().patch(
    VM_PATH(ns, name),
    {
      spec: {
        template: {
          spec: {
            domain: { devices: { interfaces: keep(spec.domain.devices.interfaces) } },
            networks: keep(spec.networks),
          },
        },
      },
    },
    'merge',
  );
};

/** A Linux-bridge NAD no seeded VM uses yet (an OVN overlay NAD may be attached only once per VM). */
const BRIDGE_NAD = 'e2e-bridge';
test.beforeAll(async () => {
  const r = await clientFor('tenant-a').create(
    '/apis/k8s.cni.cncf.io/v1/namespaces/tenant-a-dev/network-attachment-definitions',
    {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: BRIDGE_NAD, namespace: 'tenant-a-dev' },
      spec: {
        config: JSON.stringify({
          cniVersion: '0.3.1',
          name: BRIDGE_NAD,
          type: 'cnv-bridge',
          bridge: 'br1',
          macspoofchk: true,
        }),
      },
    },
  );
  expect([201, 409]).toContain(r.status);
});

const runId = () => Date.now().toString(36).slice(-5);

test('guest-agent IPs of the seeded VMIs are shown, "unknown" where the agent is absent', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const list = vmNetworksPage(page);
  await list.open('tenant-a-dev');
  // vm-00000 runs with the agent; vm-00002 runs without it (seed scenarios "agent" and "no-agent").
  const vmi = (await admin().get<VMI>(VMI_PATH('tenant-a-dev', 'vm-00000'))).body;
  const reported = vmi.status?.interfaces?.find((i) => i.name === 'default')?.ipAddresses ?? [];
  expect(reported.length).toBeGreaterThan(0);
  const ips = list.row('tenant-a-dev', 'vm-00000', 'default').getByTestId('iface-default-ips');
  for (const ip of reported) await expect(ips).toContainText(ip);
  // Each address says where it came from, on focus too; Escape hides it.
  await ips.getByText(reported[0]!, { exact: true }).focus();
  await expect(page.getByRole('tooltip')).toContainText('Reported by:');
  await expect(page.getByRole('tooltip')).toContainText('guest-agent');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(list.row('tenant-a-dev', 'vm-00002', 'default').getByTestId('iface-default-ips')).toHaveText(
    'Unknown',
  );
  await expect(list.row('tenant-a-dev', 'vm-00002', 'default').getByTestId('flag-agent')).toBeVisible();
});

test('tenant-a never sees tenant-b VMs', async ({ page, context }) => {
  await actAs(context, 'tenant-a');
  // Tall enough that the first rows drawn reach tenant-a-dev's VMs (tenant-a's come first).
  await page.setViewportSize({ width: 1440, height: 1600 });
  const list = vmNetworksPage(page);
  await list.open();
  await expect(list.rows().first()).toBeVisible();
  const ids = await list.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-test') ?? ''));
  expect(ids.length).toBeGreaterThan(0);
  // Row ids are row-<namespace>-<vm>-<interface>; seeded VM names start with "vm-".
  const namespaces = new Set(ids.map((id) => id.slice('row-'.length, id.indexOf('-vm-'))));
  expect([...namespaces].sort()).toEqual(['tenant-a', 'tenant-a-dev']);
  // Searching for a tenant-b address finds nothing either.
  await list.open(undefined, '?q=10.130.');
  await expect(page.getByTestId('empty-filtered')).toBeVisible();
});

test('Manage columns: a hidden column leaves the header and the rows, stays hidden after a reload, and comes back', async ({
  page,
  context,
}) => {
  await actAs(context, 'tenant-a');
  const list = vmNetworksPage(page);
  await list.open('tenant-a-dev');
  const table = page.getByTestId('interface-table');
  const header = (name: string) => table.getByRole('columnheader', { name, exact: true });
  const row = list.row('tenant-a-dev', 'vm-00000', 'default');
  await expect(header('MAC address')).toBeVisible();
  await expect(row.getByTestId('iface-default-mac')).toBeVisible();

  await page.getByRole('button', { name: 'Manage columns' }).click();
  const dialog = page.getByRole('dialog', { name: 'Manage columns' });
  // The columns that say which row it is cannot be hidden.
  await expect(dialog.getByRole('checkbox', { name: 'VM', exact: true })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: 'Interface', exact: true })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'MAC address' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Link', exact: true }).uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(header('MAC address')).toHaveCount(0);
  await expect(header('Link')).toHaveCount(0);
  await expect(row.getByTestId('iface-default-mac')).toHaveCount(0);
  await expect(header('IP addresses')).toBeVisible();
  // Every row has as many cells as the header has columns.
  const headers = await table.locator('thead th').count();
  await expect(row.locator('td')).toHaveCount(headers);

  // Kept in this browser: a reload shows the same columns.
  await page.reload();
  await expect(row).toBeVisible();
  await expect(header('MAC address')).toHaveCount(0);

  // Cancel changes nothing; Restore default columns + Save brings them back.
  await page.getByRole('button', { name: 'Manage columns' }).click();
  await dialog.getByRole('checkbox', { name: 'IP addresses' }).uncheck();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(header('IP addresses')).toBeVisible();
  await page.getByRole('button', { name: 'Manage columns' }).click();
  await dialog.getByRole('button', { name: 'Restore default columns' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'MAC address' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(header('MAC address')).toBeVisible();
  await expect(header('Link')).toBeVisible();
  await expect(row.getByTestId('iface-default-mac')).toBeVisible();
});

test("a VM's Network interfaces tab has its own Manage columns, kept apart from the VM networks page's", async ({
  page,
  context,
}) => {
  await actAs(context, 'tenant-a');
  const vmView = vmPage(page);
  await vmView.open('tenant-a-dev', 'vm-00000');
  const table = page.getByTestId('interface-table');
  const header = (name: string) => table.getByRole('columnheader', { name, exact: true });
  const dialog = page.getByRole('dialog', { name: 'Manage columns' });
  await expect(header('Binding, model')).toBeVisible();
  await page.getByRole('button', { name: 'Manage columns' }).click();
  // The tab has no VM column to offer; the interface column cannot be hidden.
  await expect(dialog.getByRole('checkbox', { name: 'VM', exact: true })).toHaveCount(0);
  await expect(dialog.getByRole('checkbox', { name: 'Interface', exact: true })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Binding, model' }).uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(header('Binding, model')).toHaveCount(0);
  const row = vmView.row('tenant-a-dev', 'vm-00000', 'default');
  await expect(row.locator('td')).toHaveCount(await table.locator('thead th').count());
  try {
    await page.reload();
    await expect(row).toBeVisible();
    await expect(header('Binding, model')).toHaveCount(0);
    // The VM networks page keeps its own choice.
    const list = vmNetworksPage(page);
    await list.open('tenant-a-dev');
    await expect(
      page.getByTestId('interface-table').getByRole('columnheader', { name: 'Binding, model' }),
    ).toBeVisible();
  } finally {
    await vmView.open('tenant-a-dev', 'vm-00000');
    await page.getByRole('button', { name: 'Manage columns' }).click();
    await dialog.getByRole('button', { name: 'Restore default columns' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
  }
  await expect(header('Binding, model')).toBeVisible();
});

test('tenant-a hot-plugs a bridge interface into a running VM', async ({ page, context }) => {
  await actAs(context, 'tenant-a');
  const name = `e2e-${runId()}`;
  const before = await getVM('tenant-a-dev', 'vm-00000');
  try {
    const vmView = vmPage(page);
    await vmView.open('tenant-a-dev', 'vm-00000');
    await vmView.addButton().click();
    const modal = vmView.modal();
    await modal.getByTestId('iface-name').fill(name);
    await modal.getByTestId('iface-network').selectOption(`tenant-a-dev/${BRIDGE_NAD}`);
    await expect(modal.getByTestId('iface-binding')).toHaveValue('bridge');
    await expect(modal.getByTestId('hotplug-plan')).toContainText('hot-plugged');
    await modal.getByTestId('save-interface').click();
    await expect(modal).toBeHidden();
    // The VMI does not have it yet: the row says so until the VMI shows it.
    await expect(vmView.row('tenant-a-dev', 'vm-00000', name).getByTestId('flag-hotplug')).toBeVisible();

    const after = await getVM('tenant-a-dev', 'vm-00000');
    const spec = after.spec.template.spec;
    expect(spec.domain.devices.interfaces).toEqual([
      ...(before.spec.template.spec.domain.devices.interfaces ?? []),
      { name, bridge: {}, model: 'virtio' },
    ]);
    expect(spec.networks).toEqual([
      ...(before.spec.template.spec.networks ?? []),
      { name, multus: { networkName: BRIDGE_NAD } },
    ]);
  } finally {
    await removeInterfaces('tenant-a-dev', 'vm-00000', [name]);
  }
});

test('a bad MAC shows a field error and sends nothing', async ({ page, context }) => {
  await actAs(context, 'tenant-a');
  const before = await getVM('tenant-a-dev', 'vm-00006');
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/virtualmachines/'))
      writes.push(`${r.method()} ${r.url()}`);
  });
  const vmView = vmPage(page);
  await vmView.open('tenant-a-dev', 'vm-00006');
  await vmView.addButton().click();
  const modal = vmView.modal();
  await modal.getByTestId('iface-network').selectOption(`tenant-a-dev/${BRIDGE_NAD}`);
  await modal.getByTestId('iface-mac').fill('02:00:5e:zz:00:01');
  await modal.getByTestId('save-interface').click();
  await expect(modal.getByTestId('field-macAddress-issues')).toContainText('Not a MAC address');
  await expect(modal).toBeVisible();
  // Whatever the user typed stays in the form.
  await expect(modal.getByTestId('iface-mac')).toHaveValue('02:00:5e:zz:00:01');
  expect(writes).toEqual([]);
  expect((await getVM('tenant-a-dev', 'vm-00006')).spec).toEqual(before.spec);
});

const openAddModal = async (page: Page, ns: string, vm: string, name: string) => {
  const vmView = vmPage(page);
  await vmView.open(ns, vm);
  await vmView.addButton().click();
  const modal = vmView.modal();
  await modal.getByTestId('iface-name').fill(name);
  await modal.getByTestId('iface-network').selectOption(`${ns}/${BRIDGE_NAD}`);
  return modal;
};

test('two users edit one VM at once: the second sees the conflict and both changes are kept', async ({
  browser,
}) => {
  const id = runId();
  const [first, second] = [`first-${id}`, `second-${id}`];
  const a = await browser.newContext();
  const b = await browser.newContext();
  await actAs(a, 'tenant-a');
  await actAs(b, 'admin');
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  try {
    // Both open the modal on the same version of the VM.
    const modalA = await openAddModal(pageA, 'tenant-a-dev', 'vm-00005', first);
    const modalB = await openAddModal(pageB, 'tenant-a-dev', 'vm-00005', second);
    await modalA.getByTestId('save-interface').click();
    await expect(modalA).toBeHidden();
    // B saves on the version it read: the resourceVersion test fails and B is shown what changed.
    await modalB.getByTestId('save-interface').click();
    await expect(modalB.getByTestId('conflict')).toBeVisible();
    await expect(modalB.getByTestId('conflict-changes')).toContainText(`Interface ${first} was added`);
    await modalB.getByTestId('apply-again').click();
    await expect(modalB).toBeHidden();

    const names = (await getVM('tenant-a-dev', 'vm-00005')).spec.template.spec.domain.devices.interfaces?.map(
      (i) => i.name,
    );
    expect(names).toContain(first);
    expect(names).toContain(second);
  } finally {
    await removeInterfaces('tenant-a-dev', 'vm-00005', [first, second]);
    await a.close();
    await b.close();
  }
});

const linkState = async (ns: string, vm: string, iface: string) =>
  (await getVM(ns, vm)).spec.template.spec.domain.devices.interfaces?.find((i) => i.name === iface)?.state;

test('keyboard only: tenant-a opens a row menu, sets the link down, and the server has it', async ({
  page,
  context,
}) => {
  // tenant-a/vm-00005 runs with the agent (seed cycle); no other test changes it.
  const [ns, vm] = ['tenant-a', 'vm-00005'];
  await actAs(context, 'tenant-a');
  const list = vmNetworksPage(page);
  await list.open(ns, `?q=${vm}`);
  const row = list.row(ns, vm, 'default');
  const toggle = row.getByRole('button', { name: `Actions for default of ${vm}` });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(toggle).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Set link down' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => linkState(ns, vm, 'default')).toBe('down');
  await expect(row).toContainText('Down');

  // And back up with the mouse; the menu now offers the other way.
  await toggle.click();
  await page.getByRole('menuitem', { name: 'Set link up' }).click();
  await expect.poll(() => linkState(ns, vm, 'default')).not.toBe('down');
  await expect(row).not.toContainText('Down');
});

test('a viewer finds the row actions disabled, with the reason', async ({ page, context }) => {
  await actAs(context, 'viewer');
  const list = vmNetworksPage(page);
  await list.open('tenant-a', '?q=vm-00005');
  await list
    .row('tenant-a', 'vm-00005', 'default')
    .getByRole('button', { name: /^Actions for default/ })
    .click();
  const edit = page.getByRole('menuitem', { name: 'Edit' });
  await expect(edit).toHaveAttribute('aria-disabled', 'true');
  await edit.hover();
  await expect(page.getByRole('tooltip')).toContainText(
    'You may not change virtual machines in namespace tenant-a.',
  );
  // Clicking it does nothing: no modal opens.
  await edit.click({ force: true });
  await expect(page.getByTestId('interface-modal')).toHaveCount(0);
});

test('search: typing filters the rows, the URL follows, Clear filters empties the box', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const list = vmNetworksPage(page);
  await list.open('tenant-a-dev');
  const box = page.getByTestId('interface-search').getByRole('textbox');
  await box.pressSequentially('vm-00002');
  await expect(list.rows().first()).toHaveAttribute('data-test', /^row-tenant-a-dev-vm-00002-/);
  const shown = await list.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-test') ?? ''));
  expect(shown.every((id) => id.startsWith('row-tenant-a-dev-vm-00002-'))).toBe(true);
  await expect(page.getByTestId('interface-summary')).toHaveText(/ on 1 VM$/);
  await expect(page).toHaveURL(/[?&]q=vm-00002/);
  // A filter that matches nothing, then Clear filters: every row is back and the box is empty.
  await box.fill('10.254.254.');
  await expect(page.getByTestId('empty-filtered')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await expect(box).toHaveValue('');
  await expect(list.rows().first()).toBeVisible();
  await expect(page).not.toHaveURL(/[?&]q=/);
});

// The README's screenshots of these pages: taken on request only (UPDATE_SCREENSHOTS=1), so a test run leaves the
// tree as it was.
test('README screenshots', async ({ page, context }) => {
  test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/screenshots');
  mkdirSync('docs/screenshots', { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await actAs(context, 'admin');
  const list = vmNetworksPage(page);
  await list.open();
  await expect(list.rows().first()).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/vm-networks.png' });

  await actAs(context, 'tenant-a');
  const vm = vmPage(page);
  await vm.open('tenant-a-dev', 'vm-00003');
  await vm
    .row('tenant-a-dev', 'vm-00003', 'hot-dev')
    .getByRole('button', { name: /^Actions for hot-dev/ })
    .click();
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeVisible();
  // The menu fades in: wait until it is opaque.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[role=menu]')].every(
      (m) => getComputedStyle(m.closest<HTMLElement>('[style*="opacity"]') ?? m).opacity === '1',
    ),
  );
  await page.screenshot({ path: 'docs/screenshots/vm-interfaces-tab.png' });
});
