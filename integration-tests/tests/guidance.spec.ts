// Guidance against the real API server: the network-type chooser on Create network reads the platform from the
// seeded Infrastructure (BareMetal), ranks the options for the answers given, and opens the right wizard.
import { expect, test } from '@playwright/test';
import { actAs } from '../pages/shell';
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
