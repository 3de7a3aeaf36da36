// Guidance against the real API server: the network-type chooser on Create network reads the platform from the
// seeded Infrastructure (BareMetal), ranks the options for the answers given, and opens the right wizard; the
// reachability answers; the staged change plan applied in one patch.
import { expect, test, type Page } from '@playwright/test';
import { clientFor } from '../support/k8s';
import { actAs, shellUrl } from '../pages/shell';
import { createNetworkPage } from '../pages/wizards';

test("the chooser's bare-metal and public-cloud paths, and the wizard it opens", async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const wizard = createNetworkPage(page);
  await wizard.open();
  const chooser = page.getByTestId('network-chooser');
  await chooser.getByRole('button', { name: /Not sure which network/ }).click();
  // The platform comes from the cluster's Infrastructure object.
  const platform = chooser.getByTestId('chooser-platform');
  await expect(platform.getByLabel('Bare metal')).toBeChecked();
  await expect(platform).toContainText('Read from the cluster');

  await chooser.getByLabel('The physical (datacenter) network').check();
  await chooser.getByLabel('Several namespaces').check();
  const results = chooser.getByTestId('chooser-results');
  await expect(results.locator('[data-test^="chooser-option-"]').first()).toContainText(
    'Recommended: OVN-Kubernetes localnet',
  );
  await expect(chooser.getByTestId('chooser-comparison')).toBeVisible();

  // On a public cloud there is no underlay: a layer2 UDN is recommended, and localnet is ruled out with why.
  await platform.getByLabel(/Public cloud/).check();
  await expect(results.locator('[data-test^="chooser-option-"]').first()).toContainText(
    'Recommended: Primary layer2 user-defined network',
  );
  const ruledOut = chooser.getByTestId('chooser-ruled-out');
  await ruledOut.getByRole('button').first().click();
  await expect(ruledOut).toContainText('Public clouds give VMs no physical underlay');
  await chooser.getByTestId('chooser-pick-primary-udn').click();
  await expect(page.getByTestId('kind-select')).toHaveValue('cudn-layer2');
  await expect(page.getByTestId('create-wizard')).toBeVisible();
  await expect(page.getByTestId('yaml-preview')).toContainText('role: Primary');
});

test('a secondary overlay across namespaces opens the CUDN wizard with the Secondary role', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const wizard = createNetworkPage(page);
  await wizard.open();
  const chooser = page.getByTestId('network-chooser');
  await chooser.getByRole('button', { name: /Not sure which network/ }).click();
  await chooser.getByLabel('Only other VMs').check();
  await chooser.getByLabel('Several namespaces').check();
  await chooser.getByTestId('chooser-pick-secondary-overlay').click();
  await expect(page.getByTestId('kind-select')).toHaveValue('cudn-layer2');
  await expect(page.getByTestId('yaml-preview')).toContainText('role: Secondary');
});

test('a tenant on a primary UDN namespace asks why its VM cannot reach a VM in another namespace', async ({
  page,
  context,
}) => {
  await actAs(context, 'tenant-a');
  await page.goto(
    `${shellUrl()}/k8s/ns/tenant-a/kubevirt.io~v1~VirtualMachine/vm-00000/vm-network-interfaces`,
  );
  await page.getByTestId('interface-table').waitFor();
  const card = page.getByTestId('reachability');
  await card.getByRole('button', { name: /Which networks can this VM use/ }).click();
  // Its namespace's primary UDN is usable; the pod network is replaced; another namespace's NAD is not offered.
  const networks = card.getByTestId('reach-networks');
  await expect(networks.getByTestId('reach-network-udn:tenant-a/primary-udn')).toContainText('Yes');
  await expect(networks.getByTestId('reach-network-pod-network')).toContainText('Replaced in this namespace');
  await expect(networks.getByTestId('reach-network-nad:tenant-a-dev/dev-l2')).toContainText(
    'Only VMs of namespace tenant-a-dev can attach it',
  );
  await card.getByTestId('reach-peer').selectOption('tenant-a-dev/vm-00000');
  const obstacles = card.getByTestId('reach-obstacle');
  await expect(obstacles.first()).toContainText(
    'Namespace tenant-a is isolated by its primary network: it reaches neither the pod network nor other namespaces',
  );
  await expect(obstacles.first()).toContainText('A cluster administrator can fix this.');
  // A bad IP is refused on its field, by name.
  await card.getByTestId('reach-dest-ip').click();
  await card.getByTestId('reach-ip').fill('10.0.0.999');
  await card.getByTestId('reach-ip').blur();
  await expect(card).toContainText('IP address: enter an IPv4 or IPv6 address');
});

// The staged change plan: a VM of its own (created here, removed after) so no other test's edits interfere.
const PLAN_NS = 'tenant-a-dev';
const PLAN_NAD = 'plan-bridge';
const vmPathOf = (name: string) => `/apis/kubevirt.io/v1/namespaces/${PLAN_NS}/virtualmachines/${name}`;
const vmiPathOf = (name: string) =>
  `/apis/kubevirt.io/v1/namespaces/${PLAN_NS}/virtualmachineinstances/${name}`;

const planNics = [
  { iface: { name: 'default', masquerade: {}, model: 'virtio' }, net: { name: 'default', pod: {} } },
  {
    iface: { name: 'dev-l2', bridge: {}, model: 'virtio' },
    net: { name: 'dev-l2', multus: { networkName: 'dev-l2' } },
  },
  {
    iface: { name: 'cudn-l2', bridge: {}, model: 'virtio' },
    net: { name: 'cudn-l2', multus: { networkName: 'cudn-l2' } },
  },
];
const planSpec = () => ({
  domain: {
    devices: {
      interfaces: planNics.map((n) => n.iface),
      disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
    },
    resources: { requests: { memory: '1Gi' } },
  },
  networks: planNics.map((n) => n.net),
  volumes: [{ name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } }],
});

/** A running VM (VM + a Running VMI reporting every interface) that only this test changes. */
const createPlanVM = async (name: string) => {
  const admin = clientFor('admin');
  const nad = await admin.create(
    `/apis/k8s.cni.cncf.io/v1/namespaces/${PLAN_NS}/network-attachment-definitions`,
    {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: PLAN_NAD, namespace: PLAN_NS },
      spec: {
        config: JSON.stringify({ cniVersion: '0.3.1', name: PLAN_NAD, type: 'cnv-bridge', bridge: 'br1' }),
      },
    },
  );
  expect([201, 409]).toContain(nad.status);
  const vm = await admin.create(`/apis/kubevirt.io/v1/namespaces/${PLAN_NS}/virtualmachines`, {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name, namespace: PLAN_NS },
    spec: { runStrategy: 'Always', template: { spec: planSpec() } },
  });
  expect(vm.status).toBe(201);
  const vmi = await admin.create(`/apis/kubevirt.io/v1/namespaces/${PLAN_NS}/virtualmachineinstances`, {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name, namespace: PLAN_NS },
    spec: planSpec(),
    status: {
      phase: 'Running',
      nodeName: 'worker-0',
      conditions: [{ type: 'Ready', status: 'True' }],
      interfaces: planNics.map((n, i) => ({
        name: n.iface.name,
        mac: `02:00:00:00:0a:0${i}`,
        infoSource: n.net.multus ? 'domain, multus-status' : 'domain',
        linkState: 'up',
      })),
    },
  });
  expect(vmi.status).toBe(201);
  return admin;
};

const deletePlanVM = async (name: string) => {
  const admin = clientFor('admin');
  await admin.delete(vmiPathOf(name));
  await admin.delete(vmPathOf(name));
  await admin.close();
};

type PlanVM = {
  metadata: { generation?: number; resourceVersion?: string };
  spec: {
    template: {
      spec: {
        domain: { devices: { interfaces?: Record<string, unknown>[] } };
        networks?: Record<string, unknown>[];
      };
    };
  };
};

/** Stages: add a bridge interface (hot-plug), set link down on dev-l2 (live), remove the pod interface (restart). */
const stageThreeEdits = async (page: Page, vm: string) => {
  await page.getByTestId('stage-changes').click();
  const plan = page.getByTestId('staged-plan');
  await expect(plan.getByTestId('plan-empty')).toBeVisible();

  await page.getByTestId('add-interface').click();
  const modal = page.getByTestId('interface-modal');
  await modal.getByTestId('iface-name').fill('hot1');
  await modal.getByTestId('iface-network').selectOption(`${PLAN_NS}/${PLAN_NAD}`);
  await modal.getByTestId('save-interface').click();
  await expect(modal).toBeHidden();

  await page.getByTestId(`actions-${PLAN_NS}-${vm}-dev-l2`).click();
  await page.getByRole('menuitem', { name: 'Set link down' }).click();

  await page.getByTestId(`actions-${PLAN_NS}-${vm}-default`).click();
  await page.getByRole('menuitem', { name: 'Remove' }).click();
  await page.getByTestId('remove-interface-modal').getByTestId('confirm-remove').click();
  await expect(page.getByTestId('remove-interface-modal')).toBeHidden();
  return plan;
};

test('a staged plan of three edits applied in one patch', async ({ page, context }) => {
  const vm = `plan-${Date.now().toString(36).slice(-5)}`;
  const admin = await createPlanVM(vm);
  try {
    await actAs(context, 'tenant-a');
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/virtualmachines/'))
        writes.push(`${r.method()} ${r.url()}`);
    });
    await page.goto(
      `${shellUrl()}/k8s/ns/${PLAN_NS}/kubevirt.io~v1~VirtualMachine/${vm}/vm-network-interfaces`,
    );
    await page.getByTestId('interface-table').waitFor();
    const before = (await admin.get<PlanVM>(vmPathOf(vm))).body;

    const plan = await stageThreeEdits(page, vm);
    // Nothing is sent while staging.
    expect(writes).toEqual([]);
    const lines = plan.getByTestId('plan-lines').locator('li');
    await expect(lines).toHaveCount(3);
    await expect(lines.nth(0)).toContainText(`Add hot1 on ${PLAN_NS}/${PLAN_NAD} (bridge)`);
    await expect(lines.nth(0).getByTestId('plan-how')).toHaveText('Live');
    await expect(lines.nth(0).getByTestId('plan-reason')).toContainText('Hot-plugged into the running VM');
    await expect(lines.nth(1)).toContainText('Set link down on dev-l2');
    await expect(lines.nth(1).getByTestId('plan-how')).toHaveText('Live');
    await expect(lines.nth(2)).toContainText('Remove default');
    await expect(lines.nth(2).getByTestId('plan-how')).toHaveText('After restart');
    await expect(lines.nth(2).getByTestId('plan-reason')).toContainText('cannot be hot-unplugged');
    await expect(lines.nth(2).getByTestId('plan-source')).toContainText('restart.go');
    // A tenant cannot read the HyperConverged: the plan says what it assumed.
    await expect(plan.getByTestId('plan-rollout')).toContainText('assumed');

    await plan.getByTestId('apply-plan').click();
    const applied = page.getByTestId('plan-applied');
    await expect(applied).toContainText('Applied 3 changes in one update');
    await expect(applied).toContainText('1 of them wait for a restart of the VM.');
    // One write for the three edits.
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^PATCH /);

    const after = (await admin.get<PlanVM>(vmPathOf(vm))).body;
    expect(after.metadata.generation).toBe((before.metadata.generation ?? 0) + 1);
    expect(after.spec.template.spec.domain.devices.interfaces).toEqual([
      { name: 'dev-l2', bridge: {}, model: 'virtio', state: 'down' },
      { name: 'cudn-l2', bridge: {}, model: 'virtio' },
      { name: 'hot1', bridge: {}, model: 'virtio' },
    ]);
    expect(after.spec.template.spec.networks).toEqual([
      { name: 'dev-l2', multus: { networkName: 'dev-l2' } },
      { name: 'cudn-l2', multus: { networkName: 'cudn-l2' } },
      { name: 'hot1', multus: { networkName: PLAN_NAD } },
    ]);

    // The restart is offered; this API server has no KubeVirt subresources API, and the page says so.
    await applied.getByTestId('plan-restart').click();
    await expect(applied.getByTestId('plan-restart-result')).toContainText(
      "this cluster does not serve KubeVirt's subresources API",
    );
    expect(writes[1]).toMatch(
      new RegExp(
        `^PUT .*/apis/subresources\\.kubevirt\\.io/v1/namespaces/${PLAN_NS}/virtualmachines/${vm}/restart$`,
      ),
    );
  } finally {
    await deletePlanVM(vm);
    await admin.close();
  }
});

test('a change made while the plan is sent: the conflict notice, the draft kept, both changes in the end', async ({
  page,
  context,
}) => {
  const vm = `plan-${Date.now().toString(36).slice(-5)}`;
  const admin = await createPlanVM(vm);
  try {
    await actAs(context, 'admin');
    await page.goto(
      `${shellUrl()}/k8s/ns/${PLAN_NS}/kubevirt.io~v1~VirtualMachine/${vm}/vm-network-interfaces`,
    );
    await page.getByTestId('interface-table').waitFor();
    const plan = await stageThreeEdits(page, vm);
    // The admin reads the HyperConverged: HCO's LiveUpdate and the seeded workload update methods.
    await expect(plan.getByTestId('plan-rollout')).toContainText(
      'VM rollout strategy LiveUpdate, workload update methods: LiveMigrate (read from the HyperConverged resource)',
    );
    // Someone changes cudn-l2's MAC just before our patch reaches the server.
    let raced = false;
    await page.route(`**/virtualmachines/${vm}`, async (route) => {
      if (route.request().method() === 'PATCH' && !raced) {
        raced = true;
        const r = await admin.patch(
          vmPathOf(vm),
          [
            {
              op: 'add',
              path: '/spec/template/spec/domain/devices/interfaces/2/macAddress',
              value: '02:00:00:00:0b:02',
            },
          ],
          'json',
        );
        expect(r.status).toBe(200);
      }
      await route.continue();
    });
    await plan.getByTestId('apply-plan').click();
    const conflict = plan.getByTestId('conflict');
    await expect(conflict).toContainText('This VM was changed while you were staging');
    await expect(conflict).toContainText('Interface cudn-l2 changed: macAddress');
    // Nothing was lost: the three edits are still there, planned on the latest version.
    await expect(plan.getByTestId('plan-lines').locator('li')).toHaveCount(3);
    await plan.getByTestId('apply-plan').click();
    await expect(page.getByTestId('plan-applied')).toContainText('Applied 3 changes in one update');

    const after = (await admin.get<PlanVM>(vmPathOf(vm))).body;
    expect(after.spec.template.spec.domain.devices.interfaces).toEqual([
      { name: 'dev-l2', bridge: {}, model: 'virtio', state: 'down' },
      { name: 'cudn-l2', bridge: {}, model: 'virtio', macAddress: '02:00:00:00:0b:02' },
      { name: 'hot1', bridge: {}, model: 'virtio' },
    ]);
  } finally {
    await deletePlanVM(vm);
    await admin.close();
  }
});
