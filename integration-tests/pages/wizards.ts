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
    /** A step's nav button; a step with errors is named ", error <name>". */
    step: async (name: string) => {
      await nav()
        .getByRole('button', { name: new RegExp(`(^|\\s)${name}$`) })
        .click();
    },
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
