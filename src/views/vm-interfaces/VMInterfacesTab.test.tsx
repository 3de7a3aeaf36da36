// @vitest-environment jsdom
// Issue #13 point 6: a VM's own "Network interfaces" tab has the columns picker too, and keeps its choice apart
// from the VM networks page's (columnPrefs.ts: one localStorage key per page).
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aVM, aVMI } from '../../domain/testing/fixtures';
import { setLists } from '../testing/fakeK8sHooks';
import '../testing/renderSetup';
import { columnsStorageKey } from './columnPrefs';
import VMInterfacesTab from './VMInterfacesTab';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));
vi.mock('../../k8s/useWatchResources', async () => (await import('../testing/fakeK8sHooks')).watchResources);
vi.mock('../../k8s/useWatchList', async () => (await import('../testing/fakeK8sHooks')).watchList);
vi.mock('../../k8s/useAccessReview', async () => (await import('../testing/fakeK8sHooks')).accessReview);
vi.mock('../../k8s/useApiAvailable', async () => (await import('../testing/fakeK8sHooks')).apiAvailable);

const vm = aVM({ name: 'vm1', namespace: 'ns1', nics: ['default', 'br1'], running: true });

const showTab = () => render(createElement(MemoryRouter, null, createElement(VMInterfacesTab, { obj: vm })));

const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent ?? '');

const hideColumn = async (label: string) => {
  fireEvent.click(screen.getByRole('button', { name: 'Manage columns' }));
  const dialog = await screen.findByRole('dialog');
  fireEvent.click(within(dialog).getByRole('checkbox', { name: label }));
  return dialog;
};

beforeEach(() => {
  localStorage.clear();
  setLists({
    VirtualMachine: [vm],
    VirtualMachineInstance: [aVMI({ name: 'vm1', namespace: 'ns1', nics: ['default', 'br1'] })],
  });
});

describe("the VM's Network interfaces tab: Manage columns", () => {
  it('a column hidden in the picker leaves the table, and the choice is kept under the tab’s own key', async () => {
    showTab();
    expect(headers()).toContain('MAC address');
    const dialog = await hideColumn('MAC address');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    });
    expect(headers()).not.toContain('MAC address');
    expect(headers()).toContain('IP addresses');
    expect(localStorage.getItem(columnsStorageKey('vm-tab'))).toContain('mac');
    expect(localStorage.getItem(columnsStorageKey('vm-networks'))).toBeNull();
  });

  it('Cancel keeps the columns as they were', async () => {
    showTab();
    const dialog = await hideColumn('Link');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(headers()).toContain('Link');
    expect(localStorage.getItem(columnsStorageKey('vm-tab'))).toBeNull();
  });

  it('the tab opens with the columns hidden on an earlier visit; the VM networks page’s choice does not apply', () => {
    localStorage.setItem(columnsStorageKey('vm-tab'), JSON.stringify({ hidden: ['ips'] }));
    localStorage.setItem(columnsStorageKey('vm-networks'), JSON.stringify({ hidden: ['binding'] }));
    showTab();
    expect(headers()).not.toContain('IP addresses');
    expect(headers()).toContain('Binding, model');
  });

  it('Restore default columns shows every column again once saved', async () => {
    localStorage.setItem(columnsStorageKey('vm-tab'), JSON.stringify({ hidden: ['ips', 'link'] }));
    showTab();
    fireEvent.click(screen.getByRole('button', { name: 'Manage columns' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Link' }).checked).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore default columns' }));
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Link' }).checked).toBe(true);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    });
    expect(headers()).toEqual(expect.arrayContaining(['IP addresses', 'Link']));
  });

  it('the interface column says which row it is and cannot be unchecked; the VM column is not offered', async () => {
    showTab();
    fireEvent.click(screen.getByRole('button', { name: 'Manage columns' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Interface' }).disabled).toBe(true);
    expect(within(dialog).queryByRole('checkbox', { name: 'VM' })).toBeNull();
  });
});
