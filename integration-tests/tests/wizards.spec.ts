// Create network wizard against the real API server: objects created through the wizard exist with the spec the
// form describes, a tenant's new NAD is attachable to a VM, and a form with errors sends nothing.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { VM } from '../../src/domain/kube/vm';
import { clientFor, type KubeObject } from '../support/k8s';
import { actAs, vmPage } from '../pages/shell';
import { createNetworkPage } from '../pages/wizards';

const NNCP_PATH = (name: string) => `/apis/nmstate.io/v1/nodenetworkconfigurationpolicies/${name}`;
const CUDN_PATH = (name: string) => `/apis/k8s.ovn.org/v1/clusteruserdefinednetworks/${name}`;
const NAD_PATH = (ns: string, name: string) =>
  `/apis/k8s.cni.cncf.io/v1/namespaces/${ns}/network-attachment-definitions/${name}`;
const VM_PATH = (ns: string, name: string) => `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines/${name}`;

let adminClient: ReturnType<typeof clientFor> | undefined;
const admin = () => (adminClient ??= clientFor('admin'));
const get = async (path: string) => admin().get<KubeObject & { spec?: Record<string, unknown> }>(path);

const runId = () => Date.now().toString(36).slice(-5);
/** A /24 no seeded network uses (10.2xx.y.0/24), different on each run. */
const freshSubnet = () =>
  `10.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}.0/24`;

test('admin creates an NNCP bridge mapping and a localnet CUDN that uses it', async ({ page, context }) => {
  await actAs(context, 'admin');
  await page.setViewportSize({ width: 1440, height: 1000 });
  const id = runId();
  const physnet = `physnet-${id}`;
  const nncp = `e2e-map-${id}`;
  const cudn = `e2e-localnet-${id}`;
  const wizard = createNetworkPage(page);
  try {
    await wizard.open();
    await wizard.chooseKind('nncp');
    await wizard.fill({ name: nncp });
    await wizard.field('kind').selectOption('br-ex-mapping');
    await wizard.step('Bridge mapping');
    await wizard.fill({ physicalNetworkName: physnet });
    await wizard.step('Review and create');
    await wizard.createButton().click();
    await expect(wizard.success()).toContainText(nncp);

    await wizard.chooseKind('cudn-localnet');
    await wizard.fill({ name: cudn, namespaceSelector: 'kubernetes.io/metadata.name=tenant-a-dev' });
    await wizard.step('Physical network');
    // The new mapping is offered as soon as the NNCP watch has it.
    await expect(page.locator(`#field-physicalNetworkName-options option[value="${physnet}"]`)).toHaveCount(
      1,
    );
    await wizard.fill({ physicalNetworkName: physnet, vlan: '120' });
    await wizard.step('Addressing');
    await wizard.fill({ subnets: '192.168.120.0/24' });
    await expect(wizard.yaml()).toContainText(`physicalNetworkName: ${physnet}`);
    // The README's screenshot: refreshed on request only, so a test run leaves the tree as it was.
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync('docs/screenshots', { recursive: true });
      await page.screenshot({ path: 'docs/screenshots/create-network.png' });
    }
    await wizard.step('Review and create');
    await wizard.createButton().click();
    await expect(wizard.success()).toContainText(cudn);

    const policy = await get(NNCP_PATH(nncp));
    expect(policy.status).toBe(200);
    expect(policy.body.spec?.desiredState).toEqual({
      ovn: { 'bridge-mappings': [{ localnet: physnet, bridge: 'br-ex', state: 'present' }] },
    });
    const network = await get(CUDN_PATH(cudn));
    expect(network.status).toBe(200);
    expect(network.body.spec).toEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'tenant-a-dev' } },
      network: {
        topology: 'Localnet',
        localnet: {
          role: 'Secondary',
          physicalNetworkName: physnet,
          subnets: ['192.168.120.0/24'],
          vlan: { mode: 'Access', access: { id: 120 } },
        },
      },
    });
  } finally {
    await admin().delete(CUDN_PATH(cudn));
    await admin().delete(NNCP_PATH(nncp));
  }
});

test('tenant-a creates a layer2 NAD and attaches a VM to it', async ({ page, context }) => {
  await actAs(context, 'tenant-a');
  const id = runId();
  const nad = `e2e-l2-${id}`;
  const iface = `l2-${id}`;
  const subnet = freshSubnet();
  const wizard = createNetworkPage(page);
  try {
    await wizard.open();
    await wizard.chooseKind('nad-layer2');
    await wizard.fill({ name: nad, namespace: 'tenant-a-dev' });
    await wizard.step('Addressing');
    await wizard.fill({ subnets: subnet });
    await wizard.step('Review and create');
    await wizard.createButton().click();
    await expect(wizard.success()).toContainText(`tenant-a-dev/${nad}`);
    const created = await get(NAD_PATH('tenant-a-dev', nad));
    expect(created.status).toBe(200);
    expect(JSON.parse(String(created.body.spec?.config))).toMatchObject({
      type: 'ovn-k8s-cni-overlay',
      topology: 'layer2',
      subnets: subnet,
      netAttachDefName: `tenant-a-dev/${nad}`,
    });

    const vmView = vmPage(page);
    await vmView.open('tenant-a-dev', 'vm-00001');
    await vmView.addButton().click();
    const modal = vmView.modal();
    await modal.getByTestId('iface-name').fill(iface);
    await modal.getByTestId('iface-network').selectOption(`tenant-a-dev/${nad}`);
    await modal.getByTestId('save-interface').click();
    await expect(modal).toBeHidden();
    const vm = (await admin().get<VM>(VM_PATH('tenant-a-dev', 'vm-00001'))).body;
    expect(vm.spec.template.spec.networks).toContainEqual({ name: iface, multus: { networkName: nad } });
    expect(vm.spec.template.spec.domain.devices.interfaces?.map((i) => i.name)).toContain(iface);
  } finally {
    await removeInterface('tenant-a-dev', 'vm-00001', iface);
    await admin().delete(NAD_PATH('tenant-a-dev', nad));
  }
});

test('a bad CIDR shows a field error and creates nothing', async ({ page, context }) => {
  await actAs(context, 'tenant-a');
  const nad = `e2e-bad-${runId()}`;
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('network-attachment-definitions')) writes.push(r.url());
  });
  const wizard = createNetworkPage(page);
  await wizard.open();
  await wizard.chooseKind('nad-layer2');
  await wizard.fill({ name: nad, namespace: 'tenant-a-dev' });
  await wizard.step('Addressing');
  await wizard.fill({ subnets: '10.0.0.300/24' });
  // Next stays on the step, with the error under the field.
  await wizard.next().click();
  await expect(wizard.fieldIssues('subnets')).toBeVisible();
  await expect(wizard.field('subnets')).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.field('subnets')).toBeFocused();
  await expect(wizard.createButton()).toBeHidden();
  // Nothing was sent, not even a dry run (a dry run would carry dryRun=All); and nothing exists.
  expect(writes.filter((u) => !u.includes('dryRun='))).toEqual([]);
  expect(writes).toEqual([]);
  expect((await get(NAD_PATH('tenant-a-dev', nad))).status).toBe(404);
});

/** Removes the interface a test added, so the tests can run again on the same cluster. */
const removeInterface = async (ns: string, name: string, iface: string) => {
  const vm = (await admin().get<VM>(VM_PATH(ns, name))).body;
  const spec = vm.spec.template.spec;
  const keep = <T extends { name: string }>(xs: T[] | undefined) =>
    (xs ?? []).filter((x) => x.name !== iface);
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
