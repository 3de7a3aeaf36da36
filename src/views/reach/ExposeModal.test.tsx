// @vitest-environment jsdom
// "Expose as a Service" as a user meets it: ports from presets or typed, errors that name their field, the
// LoadBalancer's pool and address, and the label the Service selects the VM by (added to the template only when
// the user agrees, and then before the Service).
import { act, fireEvent, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { addressesInUse, poolView, type IPAddressPool } from '../../domain/reach/pools';
import type { SelectorChoice } from '../../domain/reach/selector';
import type { Service } from '../../domain/reach/service';
import { aVM } from '../../domain/testing/fixtures';
import { renderWithRecordingClient } from '../testing/recordingClient';
import '../testing/renderSetup';
import { ExposeModal, type ExposeDefaults } from './ExposeModal';
import type { ReachData } from './useReachData';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const vm = aVM({ name: 'web', namespace: 'ns1' });
const POOL: IPAddressPool = {
  apiVersion: 'metallb.io/v1beta1',
  kind: 'IPAddressPool',
  metadata: { name: 'lab', namespace: 'metallb-system' },
  spec: { addresses: ['192.0.2.10-192.0.2.12'] },
};
const holder: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web-ssh', namespace: 'ns1' },
  spec: { type: 'LoadBalancer', loadBalancerIP: '192.0.2.10' },
  status: { loadBalancer: { ingress: [{ ip: '192.0.2.10' }] } },
};

const dataWith = (over: Partial<ReachData> = {}): ReachData => {
  const services = [holder];
  const inUse = addressesInUse(services);
  return {
    services,
    servicesLoaded: true,
    servicesError: null,
    inUse,
    inUseLoaded: true,
    metallb: true,
    poolsReadable: true,
    pools: [poolView(POOL, inUse, 'ns1')],
    poolsLoaded: true,
    canCreate: { allowed: true, loaded: true },
    canDelete: { allowed: true, loaded: true },
    ...over,
  };
};

const TEMPLATE: SelectorChoice = { kind: 'template', key: 'app', value: 'web' };

const open = ({
  choice = TEMPLATE,
  data = dataWith(),
  defaults = { type: 'ClusterIP', presets: ['http'], suffix: 'http' },
}: {
  choice?: SelectorChoice;
  data?: ReachData;
  defaults?: ExposeDefaults;
}) => {
  const onClose = vi.fn();
  const sent = renderWithRecordingClient(
    createElement(ExposeModal, { vm, choice, data, defaults, onClose }),
    {
      patched: vm,
    },
  );
  return { sent, onClose, dialog: screen.getByRole('dialog', { name: 'Expose web as a Service' }) };
};

const create = async (dialog: HTMLElement) =>
  act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create Service' }));
  });

describe('expose modal', () => {
  it('creates a Service named after the VM that selects it by its unique template label', async () => {
    const { dialog, sent, onClose } = open({});
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe('web-http');
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'HTTP (80)' }).checked).toBe(true);
    await create(dialog);
    expect(sent.patches).toHaveLength(0);
    expect(sent.created[0]).toMatchObject({
      kind: 'Service',
      metadata: { name: 'web-http', namespace: 'ns1' },
      spec: { type: 'ClusterIP', selector: { app: 'web' } },
    });
    expect(onClose).toHaveBeenCalled();
  });

  const badInput: { name: string; act: (d: HTMLElement) => void; message: string }[] = [
    {
      name: 'a name taken by another Service',
      act: (d) =>
        fireEvent.change(within(d).getByRole('textbox', { name: 'Name' }), { target: { value: 'web-ssh' } }),
      message: 'Name: a Service web-ssh already exists in this namespace.',
    },
    {
      name: 'a name with capitals',
      act: (d) =>
        fireEvent.change(within(d).getByRole('textbox', { name: 'Name' }), { target: { value: 'Web' } }),
      message: 'Name: lower-case letters, digits and "-"',
    },
    {
      name: 'no port',
      act: (d) => fireEvent.click(within(d).getByRole('checkbox', { name: 'HTTP (80)' })),
      message: 'Ports: choose at least one port.',
    },
    {
      name: 'a port out of range',
      act: (d) =>
        fireEvent.change(within(d).getByRole('textbox', { name: 'Port' }), { target: { value: '70000' } }),
      message: 'Port: a number from 1 to 65535.',
    },
  ];
  for (const c of badInput)
    it(`${c.name}: said naming the field after Create, nothing is sent, Create is disabled`, async () => {
      const { dialog, sent } = open({});
      c.act(dialog);
      expect(within(dialog).queryByText(c.message, { exact: false })).toBeNull(); // not before Create
      await create(dialog);
      expect(within(dialog).getByText(c.message, { exact: false })).toBeTruthy();
      expect(sent.created).toHaveLength(0);
      expect(
        within(dialog).getByRole('button', { name: 'Create Service' }).getAttribute('aria-disabled'),
      ).toBe('true');
    });

  it('a second preset adds its port; Remove takes a port out', () => {
    const { dialog } = open({});
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'SSH (22)' }));
    expect(
      within(dialog)
        .getAllByRole('textbox', { name: 'Port' })
        .map((i) => (i as HTMLInputElement).value),
    ).toEqual(['80', '22']);
    fireEvent.click(within(dialog).getAllByRole('button', { name: 'Remove' })[0]!);
    expect(
      within(dialog)
        .getAllByRole('textbox', { name: 'Port' })
        .map((i) => (i as HTMLInputElement).value),
    ).toEqual(['22']);
  });

  it('a LoadBalancer offers the pools with their free addresses; an address held by another Service is not offered', async () => {
    const { dialog, sent } = open({ defaults: { type: 'LoadBalancer', presets: ['ssh'], suffix: 'lb' } });
    const pool = within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Address pool' });
    const lab = within(pool).getByRole('option', { name: /^lab: 2 free/ });
    fireEvent.change(pool, { target: { value: 'lab' } });
    const address = within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Address' });
    const offered = within(address)
      .getAllByRole<HTMLOptionElement>('option')
      .map((o) => o.value);
    expect(offered).toEqual(['', '192.0.2.11', '192.0.2.12']);
    expect(lab).toBeTruthy();
    fireEvent.change(address, { target: { value: '192.0.2.12' } });
    await create(dialog);
    expect(JSON.stringify(sent.created[0])).toContain('192.0.2.12');
  });

  it('without MetalLB a LoadBalancer is warned about, not offered pools', () => {
    const { dialog } = open({
      data: dataWith({ metallb: false, pools: [] }),
      defaults: { type: 'LoadBalancer', presets: ['ssh'], suffix: 'lb' },
    });
    expect(within(dialog).getByTestId('expose-no-metallb').textContent).toContain('MetalLB is not installed');
    expect(within(dialog).queryByRole('combobox', { name: 'Address pool' })).toBeNull();
  });

  it('no unique label: Create waits until the user agrees to add one, which is patched before the Service', async () => {
    const { dialog, sent } = open({
      choice: { kind: 'add', key: 'expose.example/web', value: 'web', live: false },
    });
    expect(within(dialog).getByTestId('expose-selector').textContent).toContain(
      'The Service selects the VM by the label expose.example/web=web.',
    );
    await create(dialog);
    expect(sent.created).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Add this label to the VM template/ }));
    await create(dialog);
    expect(sent.patches).toHaveLength(1);
    expect(JSON.stringify(sent.patches[0])).toContain('"labels":{"expose.example/web":"web"}');
    expect(sent.created).toHaveLength(1);
  });

  it('Cancel closes and creates nothing', () => {
    const { dialog, sent, onClose } = open({});
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
    expect(sent.created).toHaveLength(0);
  });
});
