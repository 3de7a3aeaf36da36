// Page objects for the standalone shell: acting as a user, and the VM networks views.
import type { BrowserContext, Page } from '@playwright/test';

export type ShellUser = 'admin' | 'tenant-a' | 'tenant-b' | 'viewer';

export const shellUrl = (): string => {
  const url = process.env.SHELL_URL;
  if (!url) throw new Error('SHELL_URL is not set: run through integration-tests/playwright.config.ts');
  return url;
};

/** The shell's API proxy uses the token of the user named by this cookie (shell/users.ts). */
export const actAs = async (context: BrowserContext, user: ShellUser): Promise<void> => {
  const { hostname } = new URL(shellUrl());
  await context.addCookies([{ name: 'vmnet-shell-user', value: user, domain: hostname, path: '/' }]);
};

export const vmNetworksPage = (page: Page) => ({
  open: async (ns?: string, query = '') => {
    await page.goto(`${shellUrl()}/vm-networks/${ns ? `ns/${ns}` : 'all-namespaces'}${query}`);
    await page.getByRole('heading', { name: 'VM networks' }).waitFor();
  },
  row: (ns: string, vm: string, iface: string) => page.getByTestId(`row-${ns}-${vm}-${iface}`),
  rows: () => page.locator('[data-test^="row-"]'),
});

export const vmPage = (page: Page) => ({
  open: async (ns: string, vm: string) => {
    await page.goto(`${shellUrl()}/k8s/ns/${ns}/kubevirt.io~v1~VirtualMachine/${vm}/vm-network-interfaces`);
    await page.getByTestId('interface-table').waitFor();
  },
  row: (ns: string, vm: string, iface: string) => page.getByTestId(`row-${ns}-${vm}-${iface}`),
  addButton: () => page.getByTestId('add-interface'),
  modal: () => page.getByTestId('interface-modal'),
});
