// Page object for the Create network wizard (src/views/wizards) in the standalone shell.
import { expect, type Page } from '@playwright/test';
import { shellUrl } from './shell';

export const createNetworkPage = (page: Page) => {
  const nav = () => page.getByRole('navigation', { name: 'Create network steps' });
  return {
    open: async () => {
      await page.goto(`${shellUrl()}/vm-networks/create`);
      await page.getByRole('heading', { name: 'Create network' }).waitFor();
    },
    /** Picks a kind once discovery has left it enabled. */
    chooseKind: async (kind: string) => {
      const select = page.getByTestId('kind-select');
      await expect(select.locator(`option[value="${kind}"]`)).toBeEnabled();
      await select.selectOption(kind);
      await page.getByTestId('create-wizard').waitFor();
    },
    /**
     * Goes to a step: through its nav button once visited, otherwise with Next (steps not yet visited are
     * disabled in the nav, and Next stays on a step with errors). A step with errors is named ", error <name>".
     */
    step: async (name: string) => {
      const button = nav().getByRole('button', { name: new RegExp(`(^|\\s)${name}$`) });
      for (let i = 0; i < 8; i++) {
        if ((await button.getAttribute('aria-current')) === 'step') return;
        if (await button.isEnabled()) break;
        await page.getByRole('button', { name: 'Next', exact: true }).click();
      }
      await button.click();
    },
    next: () => page.getByRole('button', { name: 'Next', exact: true }),
    field: (name: string) => page.getByTestId(`field-${name}`),
    fieldIssues: (name: string) => page.getByTestId(`field-${name}-issues`),
    fill: async (values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values)) await page.getByTestId(`field-${name}`).fill(value);
    },
    yaml: () => page.getByTestId('yaml-preview'),
    createButton: () => page.getByTestId('create-network'),
    success: () => page.getByTestId('create-success'),
  };
};
