// Guidance against the real API server: the network-type chooser on Create network reads the platform from the
// seeded Infrastructure (BareMetal), ranks the options for the answers given, and opens the right wizard.
import { expect, test } from '@playwright/test';
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
