// The SR-IOV policy wizard's inputs against the real API server with the real SR-IOV CRDs (linkType, priority,
// isRdma, the DPDK preset), and a refusal only the API server knows shown under the field the user typed into.
import { expect, test, type Page } from '@playwright/test';
import { applyObject } from '../cluster/seed/apply';
import { SRIOV_NS } from '../cluster/seed/nodes';
import { clientFor, type KubeObject } from '../support/k8s';
import { actAs } from '../pages/shell';
import { createNetworkPage } from '../pages/wizards';

const POLICY_PATH = (name: string) =>
  `/apis/sriovnetwork.openshift.io/v1/namespaces/${SRIOV_NS}/sriovnetworknodepolicies/${name}`;
const STATE_PATH = (node: string) =>
  `/apis/sriovnetwork.openshift.io/v1/namespaces/${SRIOV_NS}/sriovnetworknodestates/${node}`;
const NNCP_PATH = (name: string) => `/apis/nmstate.io/v1/nodenetworkconfigurationpolicies/${name}`;

let adminClient: ReturnType<typeof clientFor> | undefined;
const admin = () => (adminClient ??= clientFor('admin'));
const get = async (path: string) => admin().get<KubeObject & { spec?: Record<string, unknown> }>(path);

const runId = () => Date.now().toString(36).slice(-5);

/**
 * The seeded SR-IOV workers' PFs are taken whole by the seed's policies (a second policy on them would overlap
 * their VFs: the operator refuses it). worker-1 has no SR-IOV NIC in the seed; for this test its node state
 * reports a free PF, as the config daemon would once a card is fitted.
 */
const FREE_NODE = 'worker-1';
const FREE_PF = 'ens5f0';
const freePfState = (): KubeObject => ({
  apiVersion: 'sriovnetwork.openshift.io/v1',
  kind: 'SriovNetworkNodeState',
  metadata: { name: FREE_NODE, namespace: SRIOV_NS },
  spec: {},
});
const freePfStatus = {
  syncStatus: 'Succeeded',
  interfaces: [
    {
      name: FREE_PF,
      pciAddress: '0000:5e:00.0',
      vendor: '8086',
      deviceID: '158b',
      driver: 'i40e',
      mtu: 1500,
      linkType: 'ETH',
      totalvfs: 16,
      numVfs: 0,
    },
  ],
};

const checkbox = (page: Page, name: RegExp | string) => page.getByRole('checkbox', { name });

test('admin creates a DPDK SR-IOV policy with linkType and priority; RDMA with vfio-pci is refused on its field', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  await page.setViewportSize({ width: 1440, height: 1000 });
  const id = runId();
  const name = `e2e-dpdk-${id}`;
  const resourceName = `e2e_dpdk_${id}`;
  expect((await get(STATE_PATH(FREE_NODE))).status).toBe(404);
  const wizard = createNetworkPage(page);
  try {
    await applyObject(admin(), freePfState(), freePfStatus);
    await wizard.open();
    await wizard.chooseKind('sriov-policy');
    await wizard.fill({ name, resourceName });
    await wizard.step('Nodes and devices');
    await wizard.fill({ nodeSelector: `kubernetes.io/hostname=${FREE_NODE}` });
    // The PF the node state reports is offered once the watch has it.
    await expect(wizard.field('nicSelector').locator(`option[value="${FREE_PF}"]`)).toHaveCount(1);
    await wizard.field('nicSelector').selectOption(FREE_PF);
    await wizard.fill({ numVfs: '4' });

    // The DPDK preset: vfio-pci, RDMA off, and what the VM then needs, with the docs.
    await wizard.field('deviceType').selectOption('netdevice');
    await checkbox(page, 'RDMA').check();
    await checkbox(page, /DPDK preset/).check();
    await expect(wizard.field('deviceType')).toHaveValue('vfio-pci');
    await expect(checkbox(page, 'RDMA')).not.toBeChecked();
    const needs = page.getByTestId('dpdk-vm-needs');
    await expect(needs).toContainText('Dedicated CPUs');
    await expect(needs).toContainText('Hugepages');
    await expect(needs.getByRole('link', { name: /using DPDK with SR-IOV/ })).toHaveAttribute(
      'href',
      /docs\.redhat\.com/,
    );

    // An invalid combination: RDMA on vfio-pci VFs (the operator's webhook refuses it) — said on the RDMA field,
    // and Next stays on the step.
    await checkbox(page, 'RDMA').check();
    await expect(wizard.fieldIssues('isRdma')).toContainText('RDMA cannot be used with deviceType vfio-pci');
    await wizard.next().click();
    await expect(wizard.fieldIssues('isRdma')).toBeVisible();
    await expect(wizard.createButton()).toBeHidden();
    await checkbox(page, 'RDMA').uncheck();
    await expect(wizard.fieldIssues('isRdma')).toBeHidden();

    await wizard.field('linkType').selectOption('eth');
    await wizard.fill({ priority: '10' });
    const yaml = wizard.yaml();
    await expect(yaml).toContainText('deviceType: vfio-pci');
    await expect(yaml).toContainText('linkType: eth');
    await expect(yaml).toContainText('priority: 10');
    await expect(yaml).not.toContainText('isRdma');

    await wizard.step('Review and create');
    await wizard.createButton().click();
    await expect(wizard.success()).toContainText(name);

    const created = await get(POLICY_PATH(name));
    expect(created.status).toBe(200);
    expect(created.body.spec).toEqual({
      resourceName,
      nodeSelector: { 'kubernetes.io/hostname': FREE_NODE },
      numVfs: 4,
      nicSelector: { pfNames: [FREE_PF] },
      deviceType: 'vfio-pci',
      linkType: 'eth',
      priority: 10,
    });
  } finally {
    await admin().delete(POLICY_PATH(name));
    await admin().delete(STATE_PATH(FREE_NODE));
  }
});

/**
 * A rule our validators do not mirror: the API server limits all of an object's annotations together to 256 KiB
 * (apimachinery ValidateAnnotations) and the wizard writes the description as one. Only the server's dry run
 * finds it; its cause path, metadata.annotations, is placed under the Description field.
 */
test('a description the API server refuses (annotations over 256 KiB) shows under Description, nothing is created, the text is kept', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const name = `e2e-big-${runId()}`;
  const description = 'Uplink for the lab racks. '.repeat(12_000); // 312,000 characters
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('nodenetworkconfigurationpolicies')) posts.push(r.url());
  });
  const wizard = createNetworkPage(page);
  try {
    await wizard.open();
    await wizard.chooseKind('nncp');
    await wizard.fill({ name, description });
    await wizard.field('kind').selectOption('br-ex-mapping');
    // Our own checks have nothing to say about it.
    await expect(wizard.fieldIssues('description')).toBeHidden();
    await wizard.step('Bridge mapping');
    await wizard.fill({ physicalNetworkName: `physnet-${name}` });
    await wizard.step('Review and create');
    await wizard.createButton().click();

    // The review names the field and links to it; there the server's message is under it.
    const errors = page.getByTestId('review-errors');
    await expect(errors).toContainText('Too long: may not be more than 262144 bytes');
    await errors.getByRole('button', { name: 'Description' }).click();
    await expect(wizard.fieldIssues('description')).toContainText(
      'Too long: may not be more than 262144 bytes',
    );
    await expect(wizard.field('description')).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.field('description')).toBeFocused();
    // The input was kept as typed, only the dry run was sent, and nothing exists.
    expect(await wizard.field('description').inputValue()).toBe(description);
    expect(posts.length).toBe(1);
    expect(posts[0]).toContain('dryRun=All');
    expect((await get(NNCP_PATH(name))).status).toBe(404);
  } finally {
    await admin().delete(NNCP_PATH(name));
  }
});
