// "Reach this VM" (#15) against the real API server and the seed (integration-tests/cluster/seed/reach.ts): exposing
// a VM as a LoadBalancer with a MetalLB pool address (the stored Service read back), the SSH commands, what each
// user may see and do, and the duplicate-MAC filter.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { REACH } from '../cluster/seed/reach';
import { clientFor } from '../support/k8s';
import { actAs, vmNetworksPage, vmPage } from '../pages/shell';

const NS = REACH.exposedVM.namespace;
const VM = REACH.exposedVM.vm;
const servicePath = (name: string) => `/api/v1/namespaces/${NS}/services/${name}`;

const removeService = async (name: string) => {
  const admin = clientFor('admin');
  try {
    await admin.request('DELETE', servicePath(name));
  } finally {
    await admin.close();
  }
};

const card = (page: Page) => page.getByTestId('reach-card');

test('a tenant exposes its VM as a LoadBalancer with a chosen pool address; the stored Service is exactly that', async ({
  page,
  context,
}) => {
  test.slow(); // several pages and users, on a shared 2-core machine
  await removeService(`${VM}-svc`);
  await actAs(context, 'tenant-a');
  await vmPage(page).open(NS, VM);
  const c = card(page);
  // The seeded Service that already selects this VM, with its external address.
  await expect(c.getByTestId(`reach-service-${REACH.exposedVM.service}`)).toContainText(
    '192.168.122.100:80/TCP external',
  );
  await c.getByTestId('reach-expose').click();
  const modal = page.getByTestId('expose-modal');
  await expect(modal.getByTestId('expose-name')).toHaveValue(`${VM}-svc`);
  await expect(modal.getByTestId('expose-type-LoadBalancer').getByRole('button')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await modal.getByTestId('expose-preset-https').check();
  // tenant-a reads the pools (a Role in metallb-system) and its own Services: .100 is taken, three are free.
  await expect(modal.getByTestId('expose-pool').locator('option')).toContainText([
    'Any pool that assigns automatically',
    'vm-services: 67 free (192.168.122.200-192.168.122.250, 2001:db8:122::200/124)',
    'vm-services-small: 3 free (192.168.122.100-192.168.122.103)',
  ]);
  await modal.getByTestId('expose-pool').selectOption('vm-services-small');
  await expect(modal.getByTestId('expose-address').locator('option')).toHaveText([
    'Any free address of the pool',
    '192.168.122.101',
    '192.168.122.102',
    '192.168.122.103',
  ]);
  await modal.getByTestId('expose-address').selectOption('192.168.122.102');
  await expect(modal.getByTestId('expose-selector')).toContainText('kubevirt.io/domain=vm-00000');
  // A bad name is refused on its field.
  await modal.getByTestId('expose-name').fill('Bad_Name');
  await modal.getByTestId('expose-create').click();
  await expect(modal.getByTestId('expose-name-error')).toContainText('Name: lower-case letters');
  await modal.getByTestId('expose-name').fill(`${VM}-svc`);
  await modal.getByTestId('expose-create').click();
  await expect(modal).toHaveCount(0);
  await expect(c.getByTestId(`reach-service-${VM}-svc`)).toContainText(
    'port 22/TCP: external address pending',
  );

  const admin = clientFor('admin');
  try {
    const stored = (
      await admin.get<{ metadata: { annotations: Record<string, string> }; spec: Record<string, unknown> }>(
        servicePath(`${VM}-svc`),
      )
    ).body;
    expect(stored.metadata.annotations).toEqual({
      'metallb.io/address-pool': 'vm-services-small',
      'metallb.io/loadBalancerIPs': '192.168.122.102',
    });
    expect(stored.spec.type).toBe('LoadBalancer');
    expect(stored.spec.selector).toEqual({ 'kubevirt.io/domain': VM });
    expect((stored.spec.ports as Record<string, unknown>[]).map(({ nodePort: _n, ...p }) => p)).toEqual([
      { name: 'ssh', protocol: 'TCP', port: 22, targetPort: 22 },
      { name: 'https', protocol: 'TCP', port: 443, targetPort: 443 },
    ]);
  } finally {
    await admin.close();
  }
  // And it is deleted from the card.
  await c.getByTestId(`reach-delete-${VM}-svc`).click();
  await page.getByTestId('reach-confirm-delete').click();
  await expect(c.getByTestId(`reach-service-${VM}-svc`)).toHaveCount(0);
});

test('the SSH commands for a VM, four ways', async ({ page, context }) => {
  test.slow(); // several pages and users, on a shared 2-core machine
  await removeService(`${VM}-ssh`);
  await actAs(context, 'tenant-a');
  await vmPage(page).open(NS, VM);
  const c = card(page);
  await c.getByRole('tab', { name: 'SSH' }).click();
  // The user comes from the VM's cloud-config.
  await expect(c.getByTestId('ssh-user')).toHaveValue('fedora');
  await expect(c.getByTestId('ssh-virtctl')).toHaveText(
    'virtctl ssh --identity-file ~/.ssh/id_ed25519 --namespace tenant-a-dev fedora@vm/vm-00000',
  );
  await c.getByTestId('ssh-identity').fill("~/keys/it's mine");
  await expect(c.getByTestId('ssh-virtctl')).toHaveText(
    `virtctl ssh --identity-file ~/'keys/it'\\''s mine' --namespace tenant-a-dev fedora@vm/vm-00000`,
  );
  await expect(c.getByTestId('ssh-config')).toHaveText(
    [
      'Host vm-00000.tenant-a-dev',
      '  User "fedora"',
      `  IdentityFile "~/keys/it's mine"`,
      '  ProxyCommand virtctl port-forward --stdio=true --namespace tenant-a-dev vm/vm-00000 22',
    ].join('\n'),
  );
  await expect(c.getByTestId('ssh-config-command')).toHaveText('ssh vm-00000.tenant-a-dev');
  // A user name with a space is refused on its field, and no command is shown.
  await c.getByTestId('ssh-user').fill('fe dora');
  await expect(c.getByTestId('ssh-user-error')).toContainText('User name:');
  await expect(c.getByTestId('ssh-virtctl')).toHaveCount(0);
  await c.getByTestId('ssh-user').fill('fedora');
  await c.getByTestId('ssh-identity').fill('');
  // A secondary interface's address, with where it comes from.
  await expect(c.getByTestId('ssh-secondary-provenance')).toContainText('Interface dev-l2');
  await expect(c.getByTestId('ssh-secondary-provenance')).toContainText('guest-agent');
  await expect(c.getByTestId('ssh-secondary')).toHaveText(/^ssh fedora@10\.201\.0\.\d+$/);
  // Through a Service: none forwards 22 yet; one click makes a NodePort one.
  await expect(c.getByTestId('ssh-no-service')).toBeVisible();
  await c.getByTestId('ssh-create-NodePort').click();
  await expect(c.getByTestId(`ssh-service-${VM}-ssh-node-port`)).toContainText(/port \d+ on any node/);
  await expect(c.getByTestId(`ssh-service-${VM}-ssh-cluster-ip`)).toHaveText(
    /^ssh fedora@\d+\.\d+\.\d+\.\d+$/,
  );
  await removeService(`${VM}-ssh`);
});

test('a tenant adds an SSH public key through cloud-init: a Secret and the VM accessCredentials', async ({
  page,
  context,
}) => {
  test.slow(); // several pages and users, on a shared 2-core machine
  const vm = 'vm-00001';
  const secret = `${vm}-ssh-key`;
  const vmPath = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines/${vm}`;
  const admin = clientFor('admin');
  const cleanup = async () => {
    await admin.request('DELETE', `/api/v1/namespaces/${NS}/secrets/${secret}`);
    const cur = (await admin.get<{ spec: { template: { spec: Record<string, unknown> } } }>(vmPath)).body;
    if (cur.spec.template.spec.accessCredentials)
      await admin.patch(vmPath, [{ op: 'remove', path: '/spec/template/spec/accessCredentials' }], 'json');
  };
  try {
    await cleanup();
    await actAs(context, 'tenant-a');
    await vmPage(page).open(NS, vm);
    const c = card(page);
    await c.getByRole('tab', { name: 'SSH' }).click();
    await c.getByTestId('ssh-add-key').click();
    const modal = page.getByTestId('add-key-modal');
    await expect(modal.getByTestId('add-key-cloud-init')).toBeChecked();
    await expect(modal.getByTestId('add-key-consequence')).toContainText('next start');
    // A private key, and a key whose blob is not of its type, are refused on the field.
    await modal.getByTestId('add-key-key').fill('-----BEGIN OPENSSH PRIVATE KEY-----');
    await modal.getByTestId('add-key-submit').click();
    await expect(modal.getByTestId('add-key-key-error')).toContainText('this is a private key');
    const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq8Y7M2v8VqW0XgZ8x0o1o9k0Zb8c0x7cXx0mN1fX6b me@laptop';
    await modal.getByTestId('add-key-key').fill(key.replace('ssh-ed25519', 'ssh-rsa'));
    await expect(modal.getByTestId('add-key-key-error')).toContainText('not a key of the stated type');
    await modal.getByTestId('add-key-key').fill(key);
    await modal.getByTestId('add-key-submit').click();
    await expect(modal).toHaveCount(0);
    const stored = (await admin.get<{ spec: { template: { spec: Record<string, unknown> } } }>(vmPath)).body;
    expect(stored.spec.template.spec.accessCredentials).toEqual([
      { sshPublicKey: { source: { secret: { secretName: secret } }, propagationMethod: { noCloud: {} } } },
    ]);
    const s = (
      await admin.get<{ data: Record<string, string> }>(`/api/v1/namespaces/${NS}/secrets/${secret}`)
    ).body;
    expect(Buffer.from(s.data.key ?? '', 'base64').toString()).toBe(key);
  } finally {
    await cleanup();
    await admin.close();
  }
});

test('DNS names: the internal name once what is missing is created, and KubeSecondaryDNS names', async ({
  page,
  context,
}) => {
  test.slow(); // several pages and users, on a shared 2-core machine
  const vm = 'vm-00001';
  const vmPath = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines/${vm}`;
  const admin = clientFor('admin');
  const cleanup = async () => {
    await admin.request('DELETE', servicePath('vms'));
    const cur = (await admin.get<{ spec: { template: { spec: Record<string, unknown> } } }>(vmPath)).body;
    const ops = ['hostname', 'subdomain']
      .filter((f) => cur.spec.template.spec[f] !== undefined)
      .map((f) => ({ op: 'remove', path: `/spec/template/spec/${f}` }));
    if (ops.length) await admin.patch(vmPath, ops, 'json');
  };
  try {
    await cleanup();
    await actAs(context, 'tenant-a');
    await vmPage(page).open(NS, vm);
    const c = card(page);
    await c.getByRole('tab', { name: 'DNS names' }).click();
    // A tenant cannot read the HyperConverged CR: it is told so.
    await expect(c.getByTestId('fqdn-secondary-missing')).toContainText(
      'you may not read the HyperConverged CR',
    );
    await expect(c.getByTestId('fqdn-missing')).toContainText(
      'Missing: spec.hostname on the VM template, spec.subdomain on the VM template, a headless Service named vms that selects the VM',
    );
    await c.getByTestId('fqdn-create').click();
    await expect(c.getByTestId('fqdn-internal')).toHaveText(`${vm}.vms.${NS}.svc.cluster.local`);
    const stored = (await admin.get<{ spec: { template: { spec: Record<string, unknown> } } }>(vmPath)).body;
    expect(stored.spec.template.spec).toMatchObject({ hostname: vm, subdomain: 'vms' });
    const svc = (await admin.get<{ spec: Record<string, unknown> }>(servicePath('vms'))).body;
    expect(svc.spec).toMatchObject({ clusterIP: 'None', selector: { 'kubevirt.io/domain': vm } });
    // The admin reads the HyperConverged CR (KubeSecondaryDNS on) and the cluster FQDN.
    await actAs(context, 'admin');
    await vmPage(page).open(NS, vm);
    await c.getByRole('tab', { name: 'DNS names' }).click();
    await expect(c.getByTestId('fqdn-secondary-dev-l2')).toHaveText(
      `dev-l2.${vm}.${NS}.vm.local-cluster.example`,
    );
    await expect(c.getByTestId('fqdn-secondary-cudn-l2')).toHaveText(
      `cudn-l2.${vm}.${NS}.vm.local-cluster.example`,
    );
  } finally {
    await cleanup();
    await admin.close();
  }
});

test('service mesh: the sidecar switch, its prerequisites and the annotation it writes', async ({
  page,
  context,
}) => {
  test.slow(); // several pages and users, on a shared 2-core machine
  const vm = 'vm-00002';
  const vmPath = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines/${vm}`;
  const admin = clientFor('admin');
  const annotations = async () =>
    (await admin.get<{ spec: { template: { metadata?: { annotations?: Record<string, string> } } } }>(vmPath))
      .body.spec.template.metadata?.annotations ?? {};
  const cleanup = async () => {
    if ((await annotations())['sidecar.istio.io/inject'] !== undefined)
      await admin.patch(
        vmPath,
        [{ op: 'remove', path: '/spec/template/metadata/annotations/sidecar.istio.io~1inject' }],
        'json',
      );
  };
  try {
    await cleanup();
    await actAs(context, 'admin');
    await vmPage(page).open(NS, vm);
    const c = card(page);
    await c.getByRole('tab', { name: 'Service mesh' }).click();
    const pre = c.getByTestId('mesh-prerequisites');
    await expect(pre).toContainText('✓ The pod network interface uses masquerade.');
    await expect(pre).toContainText(`✗ Namespace ${NS} is in no ServiceMeshMemberRoll`);
    await c.getByTestId('mesh-sidecar').click({ force: true }); // controlled: it turns on when the watched VM has the annotation
    await expect.poll(async () => (await annotations())['sidecar.istio.io/inject']).toBe('true');
    await expect(c.getByTestId('mesh-sidecar')).toBeChecked();
    await c.getByTestId('mesh-sidecar').click({ force: true });
    await expect.poll(async () => (await annotations())['sidecar.istio.io/inject']).toBeUndefined();
    await expect(c.getByTestId('mesh-sidecar')).not.toBeChecked();
    // tenant-a's primary-UDN VM binds the pod network with l2bridge, not masquerade: the switch says why it is off.
    await actAs(context, 'tenant-a');
    await vmPage(page).open('tenant-a', 'vm-00000');
    await c.getByRole('tab', { name: 'Service mesh' }).click();
    await expect(c.getByTestId('mesh-sidecar-reason')).toHaveAttribute(
      'data-reason',
      'The pod network interface must use the masquerade binding for the guest to be in the mesh.',
    );
  } finally {
    await cleanup();
    await admin.close();
  }
});

test('a tenant sees only its Services and the pools it may read', async ({ page, context }) => {
  test.slow(); // several pages and users, on a shared 2-core machine
  // tenant-b may not read pools: it is told so and still gets a plain LoadBalancer.
  await actAs(context, 'tenant-b');
  await vmPage(page).open('tenant-b', 'vm-00000');
  await card(page).getByTestId('reach-expose').click();
  const modal = page.getByTestId('expose-modal');
  await expect(modal.getByTestId('expose-pools-unreadable')).toContainText(
    'You may not read MetalLB’s address pools',
  );
  await expect(modal.getByTestId('expose-pool').locator('option')).toHaveText([
    'Any pool that assigns automatically',
  ]);
  await page.keyboard.press('Escape');
  // The admin sees the addresses tenant-b's and default's Services hold; tenant-a (above) did not.
  await actAs(context, 'admin');
  await vmPage(page).open(NS, VM);
  await card(page).getByTestId('reach-expose').click();
  await expect(page.getByTestId('expose-pool').locator('option')).toContainText([
    'vm-services: 65 free (192.168.122.200-192.168.122.250, 2001:db8:122::200/124)',
  ]);
});

test('each new action is disabled, with the reason, for a viewer', async ({ page, context }) => {
  await actAs(context, 'viewer');
  await vmPage(page).open(NS, VM);
  const c = card(page);
  const expose = c.getByTestId('reach-expose');
  await expect(expose).toHaveAttribute('aria-disabled', 'true');
  await expect(expose).toHaveAttribute(
    'data-reason',
    'You may not create Services in namespace tenant-a-dev.',
  );
  const del = c.getByTestId(`reach-delete-${REACH.exposedVM.service}`);
  await expect(del).toHaveAttribute('aria-disabled', 'true');
  await expect(del).toHaveAttribute('data-reason', 'You may not delete Services in namespace tenant-a-dev.');
  await del.hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    'You may not delete Services in namespace tenant-a-dev.',
  );
  await c.getByRole('tab', { name: 'SSH' }).click();
  for (const type of ['LoadBalancer', 'NodePort']) {
    await expect(c.getByTestId(`ssh-create-${type}`)).toHaveAttribute('aria-disabled', 'true');
  }
  await expect(c.getByTestId('ssh-add-key')).toHaveAttribute(
    'data-reason',
    'You may not create Secrets or change virtual machines in namespace tenant-a-dev.',
  );
  await c.getByRole('tab', { name: 'DNS names' }).click();
  await expect(c.getByTestId('fqdn-create')).toHaveAttribute(
    'data-reason',
    'You may not change virtual machines or create Services in namespace tenant-a-dev.',
  );
  await c.getByRole('tab', { name: 'Service mesh' }).click();
  await expect(c.getByTestId('mesh-sidecar-reason')).toHaveAttribute(
    'data-reason',
    'You may not change virtual machines in namespace tenant-a-dev.',
  );
});

test('the duplicate-MAC filter and badge, and which namespaces KubeMacPool serves', async ({
  page,
  context,
}) => {
  const { namespace, vms, mac } = REACH.duplicateMac;
  await actAs(context, 'admin');
  const list = vmNetworksPage(page);
  await list.open();
  await expect(page.getByTestId('mac-pool-off')).toContainText('tenant-b');
  await expect(page.getByTestId('mac-pool-on')).toContainText('tenant-a-dev');
  await page.getByTestId('filter-duplicate-mac').getByRole('button').click();
  await expect(page).toHaveURL(/[?&]dupmac=1/);
  // Only the two VMs sharing a MAC are left, each with the badge naming the other.
  await expect(list.rows()).toHaveCount(2);
  for (const [me, other] of [vms, [...vms].reverse()]) {
    const row = list.row(namespace, me!, 'vlan100');
    await expect(row.getByTestId('iface-vlan100-mac')).toContainText(mac);
    await row.getByTestId('duplicate-mac').hover();
    await expect(page.getByRole('tooltip', { name: `Also used by ${namespace}/${other}` })).toBeVisible();
  }
  // A tenant cannot read namespaces: it is told the pool state is not known.
  await actAs(context, 'tenant-a');
  await list.open(undefined, '?dupmac=1');
  await expect(page.getByTestId('mac-pool-summary')).toContainText('you may not read namespaces');
  await expect(page.getByTestId('empty-filtered')).toBeVisible();
});

// The README's screenshot of the card: on request only (UPDATE_SCREENSHOTS=1).
test('README screenshot of the Reach this VM card', async ({ page, context }) => {
  test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/screenshots');
  mkdirSync('docs/screenshots', { recursive: true });
  await page.setViewportSize({ width: 1300, height: 1400 });
  await actAs(context, 'tenant-a');
  await vmPage(page).open(NS, VM);
  const c = card(page);
  await c.getByRole('tab', { name: 'SSH' }).click();
  await expect(c.getByTestId('ssh-virtctl')).toBeVisible();
  await c.screenshot({ path: 'docs/screenshots/reach-card.png' });
});

test('the VM networks page leads to the card: SSH access and Expose as a Service row actions, disabled with the reason for a viewer', async ({
  page,
  context,
}) => {
  await actAs(context, 'tenant-a');
  const list = vmNetworksPage(page);
  await list.open(NS);
  await page.getByTestId(`actions-${NS}-${VM}-default`).click();
  await page.getByRole('menuitem', { name: 'SSH access…' }).click();
  await expect(page).toHaveURL(
    new RegExp(`/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${VM}/vm-network-interfaces\\?reach=ssh$`),
  );
  // The card opens on its SSH tab with this VM's command.
  await expect(card(page).getByRole('tab', { name: 'SSH' })).toHaveAttribute('aria-selected', 'true');
  await expect(card(page).getByTestId('ssh-virtctl')).toContainText(`fedora@vm/${VM}`);

  await list.open(NS);
  await page.getByTestId(`actions-${NS}-${VM}-default`).click();
  await page.getByRole('menuitem', { name: 'Expose as a Service…' }).click();
  await expect(page).toHaveURL(/\?reach=services$/);
  await expect(card(page).getByRole('tab', { name: 'Services' })).toHaveAttribute('aria-selected', 'true');
  await expect(card(page).getByTestId('reach-expose')).toBeVisible();

  // A viewer may not create Services: the row action says so; SSH access stays offered.
  await actAs(context, 'viewer');
  await list.open(NS);
  await page.getByTestId(`actions-${NS}-${VM}-default`).click();
  const expose = page.getByRole('menuitem', { name: 'Expose as a Service…' });
  await expect(expose).toHaveAttribute('aria-disabled', 'true');
  await expose.hover();
  await expect(page.getByRole('tooltip')).toHaveText(`You may not create Services in namespace ${NS}.`);
  await expect(page.getByRole('menuitem', { name: 'SSH access…' })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
});
