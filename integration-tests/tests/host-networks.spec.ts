// Host networking pages against the real API server and the seeded demo data (integration-tests/cluster/seed/:
// nodes.ts gives every worker the same NIC layout, nmstate.ts the NNCPs, bond0-policy failing on worker-1,
// topology.ts br2-ens9-policy still rolling out): what an admin sees, and what a tenant gets instead.
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { ABORTED_POLICY, INFRA_NODES, NO_NODE_POLICY } from '../cluster/seed/hostnetworks';
import {
  HCO_NAMESPACE,
  MIGRATION_CANDIDATES,
  MIGRATION_NETWORK,
  MIGRATIONS,
  migratedVM,
} from '../cluster/seed/migration';
import { mac } from '../cluster/seed/nodes';
import { TOPOLOGY_PROBLEMS } from '../cluster/seed/topology';
import { actAs, shellUrl } from '../pages/shell';
import { createNetworkPage } from '../pages/wizards';
import { clientFor, type KubeObject } from '../support/k8s';

const nodeState = (page: Page) => ({
  open: async (query = '') => {
    await page.goto(`${shellUrl()}/vm-host-networks/node-state${query}`);
    await page.getByRole('heading', { name: 'Node network state' }).waitFor();
  },
  row: (node: string, type: string, name: string) => page.getByTestId(`hostif-if:${node}:${type}:${name}`),
  search: () => page.getByTestId('hostnet-search').locator('input'),
});

test("an admin sees each node's interfaces, finds them by name, MAC and IP, and follows one to the topology", async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const p = nodeState(page);
  await p.open('?node=worker-1');
  await expect(p.row('worker-1', 'bond', 'bond0').getByTestId('hostif-details')).toHaveText(
    'Bond active-backup: ens6, ens7',
  );
  await expect(p.row('worker-1', 'ovs-bridge', 'ovs-br1').getByTestId('hostif-details')).toContainText(
    'OVN bridge mappings: physnet-ext',
  );
  await expect(p.row('worker-1', 'vlan', 'ens5.100')).toContainText('10.100.0.11/24');
  await expect(p.row('worker-1', 'vlan', 'ens5.100').getByTestId('hostif-details')).toHaveText(
    'VLAN 100 on ens5',
  );
  // The node filter holds: no other node's rows.
  await expect(p.row('worker-0', 'bond', 'bond0')).toHaveCount(0);
  // worker-0 has the SR-IOV PF.
  await p.open('?node=worker-0&type=ethernet');
  await expect(p.row('worker-0', 'ethernet', 'ens1f0').getByTestId('hostif-details')).toContainText(
    'SR-IOV PF: 64 VFs (8 reported)',
  );

  // A MAC in another notation finds what has it; the search lands in the URL
  await p.open();
  // (the Linux bridge br1 takes the MAC of its port ens4, as Linux does).
  await p.search().fill(mac(0, 4).replace(/:/g, '-'));
  await expect(page.getByTestId('hostnet-summary')).toHaveText('2 interfaces on 1 node');
  await expect(p.row('worker-0', 'ethernet', 'ens4')).toBeVisible();
  await expect(p.row('worker-0', 'linux-bridge', 'br1')).toBeVisible();
  await expect(page).toHaveURL(/q=52-54-00-00-00-04/);
  // An IP.
  await p.search().fill('10.100.0.10/');
  await expect(p.row('worker-0', 'vlan', 'ens5.100')).toBeVisible();
  await expect(page.getByTestId('hostnet-summary')).toHaveText('1 interface on 1 node');

  // The interface's link selects it on the topology graph, filtered to its node (once the search is in the URL:
  // its debounced write must not land after the navigation).
  await expect(page).toHaveURL(/q=10\.100\.0\.10/);
  await p.row('worker-0', 'vlan', 'ens5.100').getByTestId('hostif-topology-link').click();
  await expect(page).toHaveURL(/\/vm-network-topology\/all-namespaces\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('node')).toBe('worker-0');
  expect(url.searchParams.get('sel')).toBe('if:worker-0:vlan:ens5.100');
  await expect(page.getByTestId('topology-details-title')).toHaveText('ens5.100');
});

test('a tenant is told node network state is for administrators', async ({ page, context }) => {
  await actAs(context, 'tenant-a');
  const p = nodeState(page);
  await p.open();
  await expect(page.getByTestId('hostnet-forbidden')).toContainText(
    'Host networking is for cluster administrators',
  );
  await expect(page.getByTestId('hostnet-forbidden')).toContainText('nodenetworkstates');
  await expect(page.getByTestId('hostif-table')).toHaveCount(0);
});

const rollout = (page: Page) => ({
  open: async () => {
    await page.goto(`${shellUrl()}/vm-host-networks/policies`);
    await page.getByRole('heading', { name: 'NNCP rollout' }).waitFor();
  },
  row: (policy: string) => page.getByTestId(`nncp-row-${policy}`),
  details: (policy: string) => page.getByTestId(`nncp-details-${policy}`),
});

test("an admin sees each NNCP's rollout, a failing node first with nmstate's message, and what a policy changes", async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const p = rollout(page);
  await p.open();
  const failing = TOPOLOGY_PROBLEMS.nncpFailing;
  const progressing = TOPOLOGY_PROBLEMS.nncpProgressing;
  // Failing policies are listed first.
  await expect(page.getByTestId('nncp-table').locator('tbody tr').first()).toHaveAttribute(
    'data-test',
    `nncp-row-${failing.policy}`,
  );
  const row = p.row(failing.policy);
  await expect(row.getByTestId('nncp-count-Failing')).toHaveText('1');
  await expect(row.getByTestId('nncp-status')).toContainText(`Failing on ${failing.node}`);
  await expect(row.getByTestId('nncp-failing-message')).toContainText(
    'Failed to find bond port ens7 of bond0',
  );

  // A policy whose selector matches no node is flagged, and its details say so.
  const nowhere = p.row(NO_NODE_POLICY.name);
  await expect(nowhere.getByTestId('nncp-no-node')).toHaveText('Matches no node');
  await expect(nowhere.getByTestId('nncp-count-Available')).toHaveText('0');
  await expect(row.getByTestId('nncp-no-node')).toHaveCount(0);
  await nowhere.getByTestId('nncp-expand').locator('button').click();
  await expect(p.details(NO_NODE_POLICY.name)).toContainText('This policy selects no node');

  await row.getByTestId('nncp-expand').locator('button').click();
  const details = p.details(failing.policy);
  await expect(details.locator('tbody tr').first()).toHaveAttribute('data-test', `nncp-node-${failing.node}`);
  await expect(details.getByTestId(`nncp-node-${failing.node}`)).toContainText('Failing');
  await expect(details.getByTestId('nncp-desired-yaml')).toContainText('name: bond0');
  await expect(details.getByTestId('nncp-desired-yaml')).toContainText('mode: active-backup');
  // The failing node's current bond0, as its NodeNetworkState reports it.
  await expect(details.getByTestId('nncp-current-node')).toHaveValue(failing.node);
  await expect(details.getByTestId('nncp-current-yaml')).toContainText('name: bond0');
  await expect(details.getByTestId('nncp-current-yaml')).toContainText('- ens7');
  await expect(details.getByTestId('nncp-current-yaml')).not.toContainText('ens5.100');

  // The policy still rolling out: Progressing on one node, Available where applied; br2 is new elsewhere.
  const br2 = p.row(progressing.policy);
  await expect(br2.getByTestId('nncp-count-Progressing')).toHaveText('1');
  await expect(br2.getByTestId('nncp-count-Available')).toHaveText(String(progressing.doneOn.length));
  await br2.getByTestId('nncp-expand').locator('button').click();
  const br2Details = p.details(progressing.policy);
  await expect(br2Details.getByTestId('nncp-current-node')).toHaveValue(progressing.node);
  await expect(br2Details.getByTestId('nncp-changes')).toContainText('linux-bridge br2: created');
  await br2Details.getByTestId('nncp-current-node').selectOption(progressing.doneOn[0]!);
  await expect(br2Details.getByTestId('nncp-changes')).toContainText('linux-bridge br2: no change');
  await expect(br2Details.getByTestId('nncp-current-yaml')).toContainText('name: br2');
});

test('an NNCP shows what rides on the interfaces it configures: localnet and bridge networks, and their VMs', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const p = rollout(page);
  await p.open();
  await p.row('ovs-br1-localnet-policy').getByTestId('nncp-expand').locator('button').click();
  const ovs = p.details('ovs-br1-localnet-policy').getByTestId('nncp-blast-radius');
  await expect(ovs).toContainText('Bridge mapping physnet-ext → ovs-br1');
  await expect(ovs.getByTestId('nncp-blast-network')).toContainText([
    'ClusterUserDefinedNetwork cudn-localnet (on physnet-ext)',
  ]);
  // tenant-b's VMs with a cudn-localnet NIC (vms.ts), running ones on the policy's nodes first.
  await expect(ovs.getByTestId('nncp-blast-vm').first()).toContainText(
    /^VM tenant-b\/\S+ on cudn-localnet, running on worker-\d+ \(selected by this policy\)$/,
  );

  await p.row('br1-ens4-policy').getByTestId('nncp-expand').locator('button').click();
  const br1 = p.details('br1-ens4-policy').getByTestId('nncp-blast-radius');
  await expect(br1.getByTestId('nncp-blast-network')).toContainText([
    'NetworkAttachmentDefinition default/br1-vlan100 (on br1)',
  ]);
  await expect(br1).toContainText('NetworkAttachmentDefinition openshift-cnv/migration-net (on br1)');
});

/** As admin, an NNCP draft of a bridge mapping for `physnet`, on the wizard's "What rides on it" step. */
const draftMapping = async (page: Page, context: BrowserContext, prefix: string, physnet: string) => {
  await actAs(context, 'admin');
  const wizard = createNetworkPage(page);
  await wizard.open();
  await wizard.chooseKind('nncp');
  await wizard.fill({ name: `${prefix}-${Date.now().toString(36).slice(-5)}` });
  await wizard.field('kind').selectOption('br-ex-mapping');
  await wizard.step('Bridge mapping');
  await wizard.fill({ physicalNetworkName: physnet });
  await wizard.step('What rides on it');
  return wizard;
};

test("the NNCP wizard shows what already rides on the draft's bridge mapping before it is created", async ({
  page,
  context,
}) => {
  // physnet is mapped to br-ex on every worker already; the seeded localnet NAD default/localnet-physnet uses it.
  const wizard = await draftMapping(page, context, 'e2e-blast', 'physnet');
  const panel = page.getByTestId('nncp-blast-radius');
  await expect(panel).toContainText('Bridge mapping physnet → br-ex');
  await expect(panel.getByTestId('nncp-blast-network')).toContainText([
    'NetworkAttachmentDefinition default/localnet-physnet (on physnet)',
  ]);
  // A localnet no network uses: nothing rides on it.
  await wizard.step('Bridge mapping');
  await wizard.fill({ physicalNetworkName: 'physnet-unused' });
  await wizard.step('What rides on it');
  await expect(panel.getByTestId('nncp-blast-network')).toHaveCount(0);
});

test('a tenant is told NNCP rollout is for administrators', async ({ page, context }) => {
  await actAs(context, 'tenant-b');
  await rollout(page).open();
  await expect(page.getByTestId('hostnet-forbidden')).toContainText(
    'Host networking is for cluster administrators',
  );
  await expect(page.getByTestId('hostnet-forbidden')).toContainText('nodenetworkconfigurationpolicies');
  await expect(page.getByTestId('nncp-table')).toHaveCount(0);
});

test('bench: the node state page at 100 nodes × 100 interfaces renders only what is in view and searches fast', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  // 100 synthetic NodeNetworkStates answer the list; their watch stays silent (the seeded cluster is not changed).
  const items = Array.from({ length: 100 }, (_, n) => ({
    apiVersion: 'nmstate.io/v1beta1',
    kind: 'NodeNetworkState',
    metadata: { name: `bench-${n}`, uid: `bench-${n}`, resourceVersion: '1' },
    status: {
      currentState: {
        interfaces: Array.from({ length: 100 }, (_, i) => ({
          name: `eth${i}`,
          type: i % 10 === 0 ? 'bond' : 'ethernet',
          state: i % 7 === 0 ? 'down' : 'up',
          mtu: 1500,
          'mac-address': `52:54:00:00:${n.toString(16).padStart(2, '0')}:${i.toString(16).padStart(2, '0')}`,
          ipv4: { enabled: true, address: [{ ip: `10.${n}.${i}.1`, 'prefix-length': 24 }] },
          ...(i % 10 === 0
            ? { 'link-aggregation': { mode: '802.3ad', port: [`eth${i + 1}`, `eth${i + 2}`] } }
            : {}),
        })),
      },
    },
  }));
  await page.route(/\/apis\/nmstate\.io\/v1beta1\/nodenetworkstates(\?|$)/, (route) =>
    route.fulfill({
      json: { apiVersion: 'v1', kind: 'NodeNetworkStateList', metadata: { resourceVersion: '1' }, items },
    }),
  );
  await page.routeWebSocket(/nodenetworkstates/, () => undefined);
  const p = nodeState(page);
  const start = Date.now();
  await p.open();
  await expect(page.getByTestId('hostnet-summary')).toHaveText('10000 interfaces on 100 nodes');
  await expect(p.row('bench-0', 'bond', 'eth0')).toBeVisible();
  const firstRowsMs = Date.now() - start;
  // Virtualized: a screenful of rows in the DOM, not 10,000.
  expect(await page.locator('[data-test^="hostif-if:"]').count()).toBeLessThan(80);

  const typed = Date.now();
  await p.search().fill('10.99.42.1/');
  await expect(page.getByTestId('hostnet-summary')).toHaveText('1 interface on 1 node');
  await expect(p.row('bench-99', 'ethernet', 'eth42')).toBeVisible();
  const searchMs = Date.now() - typed;
  // The search reaches the URL after a 400 ms pause; the filtered table shows before that.
  test.info().annotations.push({ type: 'bench', description: JSON.stringify({ firstRowsMs, searchMs }) });
  console.log(`node-state bench 100×100: first rows ${firstRowsMs} ms, search → rows ${searchMs} ms`);
  expect(searchMs).toBeLessThan(5_000);
});

// ---- the live-migration network (seed: networks.ts migration-net, migration.ts candidates and migrations) ------

const HCO_PATH = `/apis/hco.kubevirt.io/v1beta1/namespaces/${HCO_NAMESPACE}/hyperconvergeds/kubevirt-hyperconverged`;
type HCO = KubeObject & { spec?: { liveMigrationConfig?: { network?: string } } };
const serverNetwork = async () =>
  (await clientFor('admin').get<HCO>(HCO_PATH)).body.spec?.liveMigrationConfig?.network;
/** Sets the network as another admin would (a JSON merge patch), outside the page. */
const setServerNetwork = async (network: string) => {
  const r = await clientFor('admin').patch(HCO_PATH, { spec: { liveMigrationConfig: { network } } });
  expect(r.status).toBe(200);
};

const migrationPage = (page: Page) => ({
  open: async () => {
    await page.goto(`${shellUrl()}/vm-host-networks/migration`);
    await page.getByRole('heading', { name: 'Live-migration network' }).waitFor();
  },
  current: () => page.getByTestId('migration-current-value'),
  candidate: (name: string) => page.getByTestId(`migration-candidate-${name}`),
  use: (name: string) => page.getByTestId(`migration-use-${name}`),
  vm: (ns: string, name: string) => page.getByTestId(`migration-vm-${ns}-${name}`),
});

const C = MIGRATION_CANDIDATES;

test("an admin sees each migration network candidate checked and each VM's last migration, sets one, and the HyperConverged CR has it", async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const p = migrationPage(page);
  try {
    await p.open();
    await expect(p.current()).toHaveText(
      `Live migrations use ${MIGRATION_NETWORK.name} (NetworkAttachmentDefinition ${HCO_NAMESPACE}/${MIGRATION_NETWORK.name}).`,
    );
    await expect(p.candidate(MIGRATION_NETWORK.name).getByTestId('migration-candidate-current')).toHaveText(
      'Current',
    );
    // Only the HyperConverged CR's namespace: the tenant NADs on br1 are not offered.
    await expect(page.getByTestId('migration-candidate-br1-vlan100')).toHaveCount(0);

    const good = p.candidate(C.good.name);
    await expect(good).toContainText(`Whereabouts hands out addresses from ${C.good.range}.`);
    await expect(good).toContainText(`${C.good.range} overlaps no other network.`);
    await expect(good).toContainText(/Bridge br1 exists on all \d+ nodes that run VMs\./);
    await expect(good.getByTestId('migration-check-error')).toHaveCount(0);
    // The bridge only some workers have, named where it is missing.
    const partial = p.candidate(C.partialBridge.name);
    await expect(partial).toContainText(
      `Bridge ${C.partialBridge.bridge} is missing on ${C.partialBridge.missingOn.join(', ')}`,
    );
    await expect(p.use(C.partialBridge.name)).toHaveAttribute('aria-disabled', 'true');
    await expect(p.candidate(C.overlapping.name)).toContainText(
      `${C.overlapping.range} overlaps ${C.overlapping.overlaps} of NetworkAttachmentDefinition default/l2-overlay.`,
    );
    await expect(p.candidate(C.staticIpam.name)).toContainText(
      'Static IPAM gives every virt-handler the same address (10.253.0.10/24)',
    );
    await expect(p.use(C.staticIpam.name)).toHaveAttribute('aria-disabled', 'true');

    // Per VM: over migration-net (its target address in 10.250.0.0/24), over the pod network, a newer failed
    // VirtualMachineInstanceMigration that used it, and a pending one with no address yet.
    const [overNet, overPod, failed, pending] = MIGRATIONS.map(migratedVM);
    await expect(p.vm(overNet!.namespace, overNet!.name).getByTestId('migration-vm-verdict')).toHaveText(
      'Yes',
    );
    await expect(p.vm(overPod!.namespace, overPod!.name).getByTestId('migration-vm-verdict')).toHaveText(
      'No: the pod network',
    );
    await expect(p.vm(failed!.namespace, failed!.name)).toContainText('Failed: worker-0 → worker-1');
    await expect(p.vm(failed!.namespace, failed!.name).getByTestId('migration-vm-verdict')).toHaveText('Yes');
    await expect(p.vm(pending!.namespace, pending!.name).getByTestId('migration-vm-verdict')).toHaveText(
      'Not known yet',
    );

    await p.use(C.good.name).click();
    await expect(page.getByTestId('migration-outcome')).toContainText(
      `Live migrations now use ${C.good.name}. The virt-handler pods restart to attach it.`,
    );
    expect(await serverNetwork()).toBe(C.good.name);
    await expect(p.current()).toContainText(`Live migrations use ${C.good.name}`);
    // Its range is not the one the VMs migrated over: the one over migration-net is no longer counted.
    await expect(p.vm(overNet!.namespace, overNet!.name).getByTestId('migration-vm-verdict')).toHaveText(
      'No: another migration network',
    );
  } finally {
    await setServerNetwork(MIGRATION_NETWORK.name);
  }
});

test('a change another admin made meanwhile is refused and shown, not overwritten', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  // The page does not hear of the other admin's change (its watch of HyperConverged stays silent).
  await page.routeWebSocket(/hyperconvergeds/, () => undefined);
  const p = migrationPage(page);
  try {
    await p.open();
    await expect(p.current()).toContainText(`Live migrations use ${MIGRATION_NETWORK.name} `);
    await setServerNetwork(C.partialBridge.name);
    await p.use(C.good.name).click();
    await expect(page.getByTestId('migration-conflict')).toContainText(
      `The HyperConverged CR changed since this page read it: live migrations now use ${C.partialBridge.name}. Nothing was changed; choose again.`,
    );
    expect(await serverNetwork()).toBe(C.partialBridge.name);
  } finally {
    await setServerNetwork(MIGRATION_NETWORK.name);
  }
});

test('a viewer sees the migration network but may not change it; a tenant is told it is for administrators', async ({
  page,
  context,
}) => {
  await actAs(context, 'viewer');
  const p = migrationPage(page);
  await p.open();
  await expect(p.current()).toContainText(`Live migrations use ${MIGRATION_NETWORK.name}`);
  await expect(page.getByTestId('migration-denied')).toContainText(
    `You may not change the HyperConverged CR ${HCO_NAMESPACE}/kubevirt-hyperconverged.`,
  );
  await expect(p.use(C.good.name)).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('migration-use-pod')).toHaveAttribute('aria-disabled', 'true');

  await actAs(context, 'tenant-a');
  await p.open();
  await expect(page.getByTestId('hostnet-forbidden')).toContainText('hyperconvergeds');
  await expect(page.getByTestId('migration-candidates')).toHaveCount(0);
});

test('the NNCP wizard warns, naming the networks, when the draft moves a localnet mapping they use to another bridge', async ({
  page,
  context,
}) => {
  // physnet-ext is mapped to ovs-br1 on every worker; cudn-localnet rides on it (seed networks.ts, nodes.ts).
  const wizard = await draftMapping(page, context, 'e2e-move', 'physnet-ext');
  const panel = page.getByTestId('nncp-blast-radius');
  await expect(panel.getByTestId('nncp-blast-removal')).toHaveCount(1);
  await expect(panel.getByTestId('nncp-blast-removal')).toContainText(
    'Moving bridge mapping physnet-ext from ovs-br1 to br-ex reroutes cudn-localnet',
  );
  // The same drawn over the topology graph: the link carries the affected elements' ids.
  const href = await page.getByTestId('nncp-blast-topology').getAttribute('href');
  const ids = new URLSearchParams(new URL(href ?? '', shellUrl()).search).getAll('hl');
  expect(ids).toEqual(
    expect.arrayContaining(['node:worker-0', 'bm:worker-0:physnet-ext', 'cudn:cudn-localnet']),
  );
  // A mapping onto the bridge it is on already moves nothing.
  await wizard.step('Bridge mapping');
  await wizard.fill({ physicalNetworkName: 'physnet' });
  await wizard.step('What rides on it');
  await expect(panel.getByTestId('nncp-blast-removal')).toHaveCount(0);

  await page.goto(new URL(href ?? '', shellUrl()).toString());
  await expect(page.getByTestId('topology-overlay')).toContainText(
    /Highlighted: \d+ elements the draft policy touches or that ride on them/,
  );
  // Really lit on the canvas: the ids cytoscape itself holds as highlighted (TopologyCanvas's test hook).
  const canvas = page.getByTestId('topology-canvas');
  await expect(canvas).toHaveAttribute('data-highlighted', /\S/);
  const lit = ((await canvas.getAttribute('data-highlighted')) ?? '').split(' ');
  expect(lit).toEqual(expect.arrayContaining(['cudn:cudn-localnet']));
  expect(lit.some((id) => id.startsWith('node:worker-'))).toBe(true);
  // and nothing unrelated: a VM on the pod network only is not lit.
  expect(lit.filter((id) => id.startsWith('vm:') && !id.includes('tenant-b')).length).toBe(0);
});

test('the rollout shows an NNCP aborted on the other nodes after failing on one, and the infra nodes their own NICs', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const r = rollout(page);
  await r.open();
  const row = r.row(ABORTED_POLICY.name);
  await expect(row.getByTestId('nncp-count-Failing')).toHaveText('1');
  await expect(row.getByTestId('nncp-count-Aborted')).not.toHaveText('0');
  await expect(row.getByTestId('nncp-failing-message')).toContainText("ens10.interface.mtu desire '9000'");

  const p = nodeState(page);
  const [infra0, infra1] = INFRA_NODES;
  await p.open(`?node=${infra0.name}&node=${infra1.name}`);
  await expect(p.row(infra0.name, 'bond', 'bond1').getByTestId('hostif-details')).toHaveText(
    'Bond 802.3ad: ens1f0np0, ens1f1np1',
  );
  await expect(p.row(infra1.name, 'bond', 'bond1').getByTestId('hostif-details')).toHaveText(
    'Bond 802.3ad: ens1f0np0',
  );
  await expect(p.row(infra0.name, 'ethernet', 'ens1f0np0')).toContainText('tor-a.lab.example.com');
  await expect(p.row(infra0.name, 'vlan', 'bond1.202')).toContainText('172.16.202.5/24');
  // The port out of the bond on infra-1 is down.
  await p.open(`?node=${infra1.name}&state=down`);
  await expect(page.getByTestId('hostnet-summary')).toHaveText('1 interface on 1 node');
  await expect(p.row(infra1.name, 'ethernet', 'ens1f1np1')).toBeVisible();
});

// ---- editing an NNCP in the wizard (#16 pt 3: removal and rename warnings; the update guarded by resourceVersion) ----

const NNCP_PATH = '/apis/nmstate.io/v1/nodenetworkconfigurationpolicies';
type VMObject = KubeObject & {
  spec?: { template?: { spec?: { networks?: { multus?: { networkName?: string } }[] } } };
};

/** The seeded VMs attached to the NAD default/br1-vlan100 (on br1), as `namespace/name`. */
const vmsOnBr1 = async (): Promise<string[]> => {
  const list = await clientFor('admin').list<{ items: VMObject[] }>('/apis/kubevirt.io/v1/virtualmachines');
  return list.body.items
    .filter((vm) =>
      (vm.spec?.template?.spec?.networks ?? []).some((n) => {
        const ref = n.multus?.networkName ?? '';
        return (
          ref === 'default/br1-vlan100' || (ref === 'br1-vlan100' && vm.metadata?.namespace === 'default')
        );
      }),
    )
    .map((vm) => `${vm.metadata?.namespace}/${vm.metadata?.name}`);
};

/** The warning names the VMs (20 at most, the rest counted): each of `vms` is named or among those counted. */
const expectVmsNamed = async (el: Locator, vms: readonly string[]) => {
  await expect(el).toContainText('VMs on them: ');
  const text = ((await el.textContent()) ?? '').replace('VMs on them: ', '');
  const more = Number(/ and (\d+) more$/.exec(text)?.[1] ?? 0);
  const named = text.replace(/ and \d+ more$/, '').split(', ');
  expect(named.length).toBeLessThanOrEqual(20);
  expect(named.filter((n) => vms.includes(n)).length).toBeGreaterThan(0);
  expect(vms.filter((v) => !named.includes(v)).length).toBeLessThanOrEqual(more);
};

test('editing an NNCP: removing or renaming the bridge a Linux-bridge NAD uses warns, naming the NADs and the VMs', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const vms = await vmsOnBr1();
  expect(vms.length).toBeGreaterThan(0);
  const r = rollout(page);
  await r.open();
  await r.row('br1-ens4-policy').getByTestId('nncp-edit').click();
  await expect(page).toHaveURL(/edit=br1-ens4-policy/);
  const wizard = createNetworkPage(page);
  await expect(wizard.field('name')).toHaveValue('br1-ens4-policy');

  // Mark br1 absent: the YAML says so, and the last step warns before anything is applied.
  await wizard.step('Interfaces of this policy');
  await wizard.field('absent-br1').check();
  await expect(wizard.yaml()).toContainText('state: absent');
  await wizard.step('What rides on it');
  const removal = page.getByTestId('nncp-blast-radius').getByTestId('nncp-blast-removal');
  await expect(removal).toHaveCount(1);
  await expect(removal).toContainText('Removing br1 breaks');
  await expect(removal).toContainText('default/br1-vlan100');
  await expect(removal).toContainText('openshift-cnv/migration-net');
  await expectVmsNamed(removal.getByTestId('nncp-blast-removal-vms'), vms);

  // Rename instead: nmstate removes br1 and creates br1-renamed with ens4; the same warning.
  await wizard.step('Interfaces of this policy');
  await wizard.field('absent-br1').uncheck();
  await wizard.step('Interface');
  await wizard.fill({ interfaceName: 'br1-renamed' });
  await wizard.step('What rides on it');
  await expect(removal).toHaveCount(1);
  await expect(removal).toContainText('Removing br1 breaks');
  await expect(removal).toContainText('default/br1-vlan100');
  await expectVmsNamed(removal.getByTestId('nncp-blast-removal-vms'), vms);
  await expect(wizard.yaml()).toContainText('name: br1-renamed');
  // A policy whose interface the wizard cannot rebuild exactly is refused with the reason, not half-edited.
  await page.goto(`${shellUrl()}/vm-host-networks/policies?edit=ovs-br1-localnet-policy`);
  await expect(page.getByTestId('nncp-edit-refused')).toContainText(
    'ovs-br1 has bridge written in a way the wizard does not model',
  );
  // Nothing was sent: the seeded policy still has br1.
  const seeded = await clientFor('admin').get<KubeObject & { spec: { desiredState: unknown } }>(
    `${NNCP_PATH}/br1-ens4-policy`,
  );
  expect(JSON.stringify(seeded.body.spec.desiredState)).toContain('"name":"br1"');
  expect(JSON.stringify(seeded.body.spec.desiredState)).not.toContain('absent');
});

test('the NNCP wizard sets static IPv4 and IPv6 autoconf on the bridge it creates; an edit saves DHCP after a dry run, and a change made meanwhile is refused with the draft kept', async ({
  page,
  context,
}) => {
  await actAs(context, 'admin');
  const name = `e2e-ip-${Date.now().toString(36).slice(-5)}`;
  const bridgeName = `bre2e${Date.now().toString(36).slice(-4)}`;
  const admin = clientFor('admin');
  try {
    const wizard = createNetworkPage(page);
    await wizard.open();
    await wizard.chooseKind('nncp');
    await wizard.fill({ name });
    await wizard.step('Interface');
    await wizard.fill({ interfaceName: bridgeName });
    await wizard.field('nic').selectOption('ens5');
    await wizard.step('IP addresses');
    await wizard.field('ipv4-mode').selectOption('static');
    // A wrong prefix is named on its field.
    await wizard.fill({ 'ipv4-addresses': '192.0.2.77/33' });
    await wizard.field('ipv4-addresses').blur();
    await expect(wizard.fieldIssues('ipv4.addresses')).toContainText('Prefix length must be 0–32');
    await wizard.fill({ 'ipv4-addresses': '192.0.2.77/24' });
    await wizard.field('ipv6-mode').selectOption('autoconf');
    const yaml = wizard.yaml();
    await expect(yaml).toContainText('ip: 192.0.2.77');
    await expect(yaml).toContainText('prefix-length: 24');
    await expect(yaml).toContainText('autoconf: true');
    await wizard.step('Review and create');
    await wizard.createButton().click();
    await expect(wizard.success()).toBeVisible();
    type NNCP = KubeObject & { spec: { desiredState: { interfaces: Record<string, unknown>[] } } };
    const created = await admin.get<NNCP>(`${NNCP_PATH}/${name}`);
    expect(created.status).toBe(200);
    const br = created.body.spec.desiredState.interfaces.find((i) => i.name === bridgeName);
    expect(br?.ipv4).toEqual({
      enabled: true,
      dhcp: false,
      address: [{ ip: '192.0.2.77', 'prefix-length': 24 }],
    });
    expect(br?.ipv6).toEqual({ enabled: true, dhcp: true, autoconf: true });

    // Edit it from the rollout page: IPv4 by DHCP, saved after a server dry run.
    const r = rollout(page);
    await r.open();
    await r.row(name).getByTestId('nncp-expand').locator('button').click();
    await r.details(name).getByTestId('nncp-details-edit').click();
    await wizard.step('IP addresses');
    await expect(wizard.field('ipv4-mode')).toHaveValue('static');
    await wizard.field('ipv4-mode').selectOption('dhcp');
    await wizard.step('Review and save');
    await page.getByTestId('create-network').click();
    await expect(page.getByTestId('edit-success')).toContainText(
      `Saved NodeNetworkConfigurationPolicy ${name}`,
    );
    const saved = await admin.get<NNCP>(`${NNCP_PATH}/${name}`);
    expect(saved.body.spec.desiredState.interfaces.find((i) => i.name === bridgeName)?.ipv4).toEqual({
      enabled: true,
      dhcp: true,
    });

    // Open the editor again, then another admin changes the policy: Save is refused, nothing is overwritten.
    await page.reload();
    await wizard.step('IP addresses');
    await wizard.field('ipv6-mode').selectOption('disabled');
    await admin.patch(`${NNCP_PATH}/${name}`, {
      metadata: { annotations: { description: 'changed meanwhile' } },
    });
    await wizard.step('Review and save');
    await page.getByTestId('create-network').click();
    await expect(page.getByTestId('edit-conflict')).toContainText(
      `${name} changed since this wizard read it`,
    );
    const after = await admin.get<NNCP & { metadata: { annotations?: Record<string, string> } }>(
      `${NNCP_PATH}/${name}`,
    );
    expect(after.body.metadata.annotations?.description).toBe('changed meanwhile');
    expect(after.body.spec.desiredState.interfaces.find((i) => i.name === bridgeName)?.ipv6).toEqual({
      enabled: true,
      dhcp: true,
      autoconf: true,
    });
    // The draft is kept.
    await expect(wizard.yaml()).toContainText('enabled: false');
  } finally {
    await admin.delete(`${NNCP_PATH}/${name}`);
  }
});
