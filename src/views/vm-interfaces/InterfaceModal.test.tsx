// @vitest-environment jsdom
// The add / edit interface modal as a user meets it: fields found by their labels, errors under the field after
// Add, what the change does to a running VM, Cancel sending nothing, "Add to the draft" staging instead.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { PatchOp } from '../../domain/kube/meta';
import type { VM } from '../../domain/kube/vm';
import { buildInterfaceRows } from '../../domain/interfaces/rows';
import { aNAD, aVM, aVMI } from '../../domain/testing/fixtures';
import { K8sContext } from '../../k8s/K8sContext';
import '../testing/renderSetup';
import { InterfaceModal } from './InterfaceModal';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const NADS = [aNAD('br1-net', 'ns1'), aNAD('blue', 'ns1')];

const open = ({
  vm = aVM({ name: 'vm1', nics: ['default', 'br1'], resourceVersion: '5' }),
  running = false,
  editing,
  rows = [],
  nads = NADS,
  onStage,
}: {
  nads?: typeof NADS;
  vm?: VM;
  running?: boolean;
  editing?: string;
  rows?: ReturnType<typeof buildInterfaceRows>;
  onStage?: (c: unknown) => void;
}) => {
  const patches: PatchOp[][] = [];
  const client = {
    jsonPatch: (_m: unknown, _ref: unknown, ops: PatchOp[]) => {
      patches.push(ops);
      return Promise.resolve({ ok: true, value: vm });
    },
  };
  const onClose = vi.fn();
  render(
    createElement(
      MemoryRouter,
      null,
      createElement(
        K8sContext.Provider,
        { value: { client: client as never } },
        createElement(InterfaceModal, {
          vm,
          vmi: running ? aVMI({ name: vm.metadata.name, nics: ['default', 'br1'] }) : undefined,
          editing,
          nads,
          rows,
          onClose,
          onStage,
        }),
      ),
    ),
  );
  return { patches, onClose, dialog: screen.getByRole('dialog') };
};

/** A text box or a select, found by its label as a user finds it. */
const field = (dialog: HTMLElement, label: string) =>
  within(dialog).queryByRole<HTMLInputElement & HTMLSelectElement>('textbox', { name: label }) ??
  within(dialog).getByRole<HTMLInputElement & HTMLSelectElement>('combobox', { name: label });
const issuesOf = (dialog: HTMLElement, name: string) =>
  within(dialog).queryByTestId(`field-${name}-issues`)?.textContent ?? '';
const choose = (dialog: HTMLElement, label: string, value: string) =>
  fireEvent.change(field(dialog, label), { target: { value } });
const click = async (dialog: HTMLElement, name: string) =>
  act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name }));
  });

describe('add interface modal', () => {
  it('offers the next free name and adds the interface on the chosen network with one guarded patch', async () => {
    const { dialog, patches, onClose } = open({});
    expect(within(dialog).getByText('Add network interface')).toBeTruthy();
    expect(field(dialog, 'Name').value).toBe('nic1');
    choose(dialog, 'Network', 'ns1/blue');
    expect(field(dialog, 'Binding').value).toBe('bridge');
    await click(dialog, 'Add');
    expect(patches).toHaveLength(1);
    expect(patches[0]).toContainEqual({ op: 'test', path: '/metadata/resourceVersion', value: '5' });
    expect(JSON.stringify(patches[0])).toContain('"networkName":"blue"');
    expect(onClose).toHaveBeenCalled();
  });

  const badInput: { name: string; field: string; label: string; value: string; message: string }[] = [
    {
      name: 'a MAC that is no MAC',
      field: 'macAddress',
      label: 'MAC address',
      value: 'zz:1',
      message: 'Not a MAC address',
    },
    {
      name: 'a multicast MAC',
      field: 'macAddress',
      label: 'MAC address',
      value: '01:00:5e:00:00:01',
      message: 'A multicast MAC address cannot be assigned',
    },
    {
      name: 'a name taken by another interface',
      field: 'name',
      label: 'Name',
      value: 'br1',
      message: 'already has an interface or network with this name',
    },
  ];
  for (const c of badInput)
    it(`${c.name}: said under the field after Add, and nothing is sent`, async () => {
      const { dialog, patches, onClose } = open({});
      choose(dialog, 'Network', 'ns1/blue');
      fireEvent.change(field(dialog, c.label), { target: { value: c.value } });
      expect(issuesOf(dialog, c.field)).toBe(''); // not while typing
      await click(dialog, 'Add');
      expect(issuesOf(dialog, c.field)).toContain(c.message);
      expect(patches).toHaveLength(0);
      expect(onClose).not.toHaveBeenCalled();
    });

  it('no network chosen: Add says so under Network', async () => {
    const { dialog, patches } = open({});
    await click(dialog, 'Add');
    expect(issuesOf(dialog, 'network')).not.toBe('');
    expect(patches).toHaveLength(0);
  });

  it('a MAC another VM uses is a warning shown while typing; the interface can still be added', async () => {
    const other = aVM({ name: 'vm2', nics: [{ name: 'nic1', network: 'blue', mac: '02:00:00:00:00:09' }] });
    const { dialog, patches } = open({ rows: buildInterfaceRows(other) });
    choose(dialog, 'Network', 'ns1/blue');
    fireEvent.change(field(dialog, 'MAC address'), { target: { value: '02:00:00:00:00:09' } });
    expect(issuesOf(dialog, 'macAddress')).toContain('Also used by VM');
    await click(dialog, 'Add');
    expect(patches).toHaveLength(1);
  });

  it('on a running VM, says the interface will be hot-plugged once a network is chosen', () => {
    const { dialog } = open({
      vm: aVM({ name: 'vm1', nics: ['default', 'br1'], running: true }),
      running: true,
    });
    expect(within(dialog).queryByTestId('hotplug-plan')).toBeNull();
    choose(dialog, 'Network', 'ns1/blue');
    expect(within(dialog).getByTestId('hotplug-plan').textContent).toContain('will be hot-plugged');
  });

  it('a static IP is offered on a secondary network only, and a bad one is said under it', async () => {
    const { dialog } = open({});
    expect(within(dialog).queryByRole('textbox', { name: 'Static IP (cloud-init)' })).toBeNull();
    choose(dialog, 'Network', 'ns1/blue');
    fireEvent.change(field(dialog, 'Static IP (cloud-init)'), { target: { value: '10.0.0.300/24' } });
    await click(dialog, 'Add');
    expect(issuesOf(dialog, 'staticIp')).not.toBe('');
  });

  it('Cancel closes and sends nothing', async () => {
    const { dialog, patches, onClose } = open({});
    choose(dialog, 'Network', 'ns1/blue');
    await click(dialog, 'Cancel');
    expect(onClose).toHaveBeenCalled();
    expect(patches).toHaveLength(0);
  });

  it('while staging, the button says "Add to the draft" and the change is staged, not sent', async () => {
    const onStage = vi.fn();
    const { dialog, patches } = open({ onStage });
    choose(dialog, 'Network', 'ns1/blue');
    await click(dialog, 'Add to the draft');
    expect(onStage).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'add', form: expect.objectContaining({ networkId: 'ns1/blue' }) }),
    );
    expect(patches).toHaveLength(0);
  });

  it('a VM already on every network it may use is told to create a network first', () => {
    const { dialog } = open({ vm: aVM({ name: 'vm1', nics: ['default'] }), nads: [] });
    expect(within(dialog).getByTestId('no-usable-network').textContent).toContain(
      'Every network this VM can use in namespace ns1 is attached already',
    );
    expect(within(dialog).getByRole('link', { name: 'Create network' }).getAttribute('href')).toBe(
      '/vm-networks/create',
    );
  });
});

describe('edit interface modal', () => {
  it('names the interface, keeps its name fixed and its values filled in', () => {
    const vm = aVM({ name: 'vm1', nics: ['default', { name: 'br1', network: 'br1-net', model: 'e1000e' }] });
    const { dialog } = open({ vm, editing: 'br1' });
    expect(within(dialog).getByText('Edit interface br1')).toBeTruthy();
    expect(field(dialog, 'Name').disabled).toBe(true);
    expect(field(dialog, 'Network').value).toBe('ns1/br1-net');
    expect(field(dialog, 'Model').value).toBe('e1000e');
  });

  it('Save sends the edited model', async () => {
    const vm = aVM({ name: 'vm1', nics: ['default', 'br1'] });
    const { dialog, patches } = open({ vm, editing: 'br1' });
    choose(dialog, 'Model', 'e1000e');
    await click(dialog, 'Save');
    expect(JSON.stringify(patches[0])).toContain('"model":"e1000e"');
  });
});
