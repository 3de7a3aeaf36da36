// @vitest-environment jsdom
// The NNCP wizard as an admin meets it, step by step (basics, nodes, interface, IP addresses, bridge mapping, what
// rides on it, review), beside the live YAML; and the same wizard editing an existing policy: its interfaces
// removable, the blast radius naming the networks and VMs, Save as a dry-run PUT then the guarded PUT.
import '../testing/renderSetup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetworkAttachmentDefinition, NodeNetworkConfigurationPolicy } from '../../domain/kube/networks';
import type { VM } from '../../domain/kube/vm';
import { formOfPolicy } from '../../domain/manifests/nncp/nncpEdit';
import type { NNCPForm } from '../../domain/manifests/nncp/nncp';
import { aCluster, aNodeState, aWorker, brEx, eth } from '../../domain/testing/manifests';
import type { K8sClient } from '../../k8s/client';
import { K8sContext } from '../../k8s/K8sContext';
import { setAccess, setLists } from '../testing/fakeK8sHooks';
import { NNCPWizard } from './NNCPWizard';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));
vi.mock('../../k8s/useAccessReview', async () => (await import('../testing/fakeK8sHooks')).accessReview);
vi.mock('../../k8s/useWatchResources', async () => (await import('../testing/fakeK8sHooks')).watchResources);

const WORKER = { 'node-role.kubernetes.io/worker': '' };
const ctx = aCluster({
  nodes: [
    { name: 'w1', labels: WORKER },
    { name: 'w2', labels: WORKER },
  ],
  nodeStates: [aWorker('w1', [eth('ens5')]), aWorker('w2', [eth('ens5')])],
});

type Sent = { verb: 'create' | 'update'; obj: { metadata: { resourceVersion?: string } }; dryRun: boolean };

const aClient = (answer: (s: Sent) => unknown = (s) => ({ ok: true, value: s.obj })) => {
  const sent: Sent[] = [];
  const call = (verb: Sent['verb']) => (_m: unknown, obj: Sent['obj'], o?: { dryRun?: boolean }) => {
    const s = { verb, obj, dryRun: !!o?.dryRun };
    sent.push(s);
    return Promise.resolve(answer(s));
  };
  return { client: { create: call('create'), update: call('update') } as unknown as K8sClient, sent };
};

const show = (edit?: NNCPForm, client = aClient().client) =>
  render(
    createElement(
      QueryClientProvider,
      { client: new QueryClient({ defaultOptions: { queries: { retry: false } } }) },
      createElement(
        K8sContext.Provider,
        { value: { client } },
        createElement(MemoryRouter, null, createElement(NNCPWizard, { ctx, edit })),
      ),
    ),
  );

const input = (name: RegExp | string) =>
  screen.queryByRole<HTMLInputElement>('textbox', { name }) ??
  screen.getByRole<HTMLInputElement>('combobox', { name });
const select = (name: RegExp | string) => screen.getByRole<HTMLSelectElement>('combobox', { name });
const type = (el: HTMLElement, value: string) => {
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
};
const choose = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const yaml = () => screen.getByTestId('yaml-preview').textContent ?? '';
const next = () => fireEvent.click(screen.getByRole('button', { name: 'Next' }));
const step = () => document.querySelector('.pf-v6-c-wizard__main-body form')?.getAttribute('data-test') ?? '';
const issuesOf = (field: string) => screen.queryByTestId(`field-${field}-issues`)?.textContent ?? '';
const goTo = (id: string) => {
  for (let i = 0; i < 8 && step() !== `step-${id}`; i++) next();
  expect(step()).toBe(`step-${id}`);
};

/** Basics and nodes filled, on the interface step of a Linux bridge over ens4. */
const toInterface = () => {
  show();
  type(input(/^Name/), 'br1-policy');
  next();
  next();
  expect(step()).toBe('step-interface');
  type(input(/^Interface name/), 'br1');
  choose(select(/^NIC/), 'ens4');
};

beforeEach(() => setLists({}));

describe('NNCP wizard: create', () => {
  it('Basics: the name is required (Next stays, the message under it); the kinds it can configure are offered', () => {
    show();
    next();
    expect(step()).toBe('step-basics');
    expect(issuesOf('name')).toContain('Required');
    expect([...select('Configure').options].map((o) => o.value)).toEqual([
      'linux-bridge',
      'vlan',
      'bond',
      'ovs-bridge',
      'br-ex-mapping',
    ]);
    type(input(/^Name/), 'br1-policy');
    expect(yaml()).toContain('name: br1-policy');
    next();
    expect(step()).toBe('step-nodes');
  });

  it('Nodes: the selector says which nodes it matches; a bad max unavailable is named', () => {
    show();
    type(input(/^Name/), 'p');
    next();
    expect(screen.getByText('2 nodes match: w1, w2')).toBeTruthy();
    type(input('Max unavailable'), '150%');
    expect(issuesOf('maxUnavailable')).toContain('percentage 1%–100%');
    next();
    expect(step()).toBe('step-nodes');
  });

  it('Interface: NICs of every selected node, the machine-network NIC not selectable; the choice is in the YAML', () => {
    toInterface();
    const nic = select(/^NIC/);
    const ens3 = [...nic.options].find((o) => o.value === 'ens3');
    expect(ens3?.disabled).toBe(true);
    expect(ens3?.textContent).toContain('machine network');
    expect(yaml()).toContain('name: ens4');
    choose(select('Uplink'), 'bond');
    expect(input(/^Bond name/)).toBeTruthy();
  });

  it('IP addresses: static with the field named on a wrong prefix, IPv6 autoconf, both in the YAML', () => {
    toInterface();
    next();
    expect(step()).toBe('step-ip');
    expect(yaml()).toContain('enabled: false');
    choose(select('IPv4'), 'static');
    type(input(/^IPv4 addresses/), '192.0.2.10/33');
    expect(issuesOf('ipv4.addresses')).toContain('Prefix length must be 0–32');
    next();
    expect(step()).toBe('step-ip');
    type(input(/^IPv4 addresses/), '192.0.2.10/24');
    expect(issuesOf('ipv4.addresses')).toContain('each of them gets the same static address 192.0.2.10');
    choose(select('IPv6'), 'autoconf');
    expect(yaml()).toMatch(/ip: 192\.0\.2\.10\s+prefix-length: 24/);
    expect(yaml()).toContain('autoconf: true');
    next();
    expect(step()).toBe('step-impact');
  });

  it('an OVS bridge has no IP step but a bridge mapping step, whose name is required', () => {
    show();
    type(input(/^Name/), 'ovs');
    choose(select('Configure'), 'ovs-bridge');
    next();
    next();
    type(input(/^Interface name/), 'ovs-br9');
    choose(select(/^NIC/), 'ens4');
    next();
    expect(step()).toBe('step-mapping');
    next();
    expect(issuesOf('physicalNetworkName')).toContain('Required');
    type(input(/^Physical network name/), 'physnet9');
    expect(yaml()).toContain('localnet: physnet9');
  });

  it('What rides on it: a Linux-bridge NAD on a bridge the draft takes a port from, then Create sends a dry run first', async () => {
    const { client, sent } = aClient();
    setLists({
      NetworkAttachmentDefinition: [
        {
          apiVersion: 'k8s.cni.cncf.io/v1',
          kind: 'NetworkAttachmentDefinition',
          metadata: { name: 'on-br0', namespace: 'default' },
          spec: {
            config: JSON.stringify({
              cniVersion: '0.3.1',
              name: 'on-br0',
              type: 'cnv-bridge',
              bridge: 'br1',
            }),
          },
        } as NetworkAttachmentDefinition,
      ],
    });
    show(undefined, client);
    type(input(/^Name/), 'br1-policy');
    next();
    next();
    type(input(/^Interface name/), 'br1');
    choose(select(/^NIC/), 'ens4');
    goTo('impact');
    expect(screen.getByTestId('nncp-blast-network').textContent).toBe(
      'NetworkAttachmentDefinition default/on-br0 (on br1)',
    );
    next();
    fireEvent.click(await screen.findByRole('button', { name: 'Create' }));
    await screen.findByTestId('create-success');
    expect(sent.map((s) => [s.verb, s.dryRun])).toEqual([
      ['create', true],
      ['create', false],
    ]);
  });
});

// ---- editing ------------------------------------------------------------------------------------------------

const policy: NodeNetworkConfigurationPolicy = {
  apiVersion: 'nmstate.io/v1',
  kind: 'NodeNetworkConfigurationPolicy',
  metadata: { name: 'br1-ens4-policy', resourceVersion: '7', uid: 'u' },
  spec: {
    nodeSelector: WORKER,
    desiredState: {
      interfaces: [
        {
          name: 'br1',
          type: 'linux-bridge',
          state: 'up',
          ipv4: { enabled: false },
          bridge: { options: { stp: { enabled: false } }, port: [{ name: 'ens4' }] },
        },
      ],
    },
  },
};
const applied = aCluster({
  nodes: [{ name: 'w1', labels: WORKER }],
  nodeStates: [
    aNodeState('w1', [
      ...brEx('ens3'),
      eth('ens3'),
      eth('ens4', 1500, { controller: 'br1' }),
      { name: 'br1', type: 'linux-bridge', state: 'up', bridge: { port: [{ name: 'ens4' }] } },
    ]),
  ],
});
const editForm = () => {
  const s = formOfPolicy(policy);
  if (!s.ok) throw new Error('refused');
  return s.form;
};
const showEdit = (client = aClient().client) =>
  render(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        K8sContext.Provider,
        { value: { client } },
        createElement(MemoryRouter, null, createElement(NNCPWizard, { ctx: applied, edit: editForm() })),
      ),
    ),
  );

const nadOnBr1 = {
  apiVersion: 'k8s.cni.cncf.io/v1',
  kind: 'NetworkAttachmentDefinition',
  metadata: { name: 'br1-vlan100', namespace: 'default' },
  spec: {
    config: JSON.stringify({ cniVersion: '0.3.1', name: 'br1-vlan100', type: 'cnv-bridge', bridge: 'br1' }),
  },
} as NetworkAttachmentDefinition;
const vmOnIt = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm-a', namespace: 'default' },
  spec: { template: { spec: { networks: [{ name: 'v', multus: { networkName: 'br1-vlan100' } }] } } },
} as unknown as VM;

describe('NNCP wizard: editing an existing policy', () => {
  it('is prefilled; the name is read-only and the kind fixed; the YAML is the policy as it is', () => {
    showEdit();
    expect(input('Name').value).toBe('br1-ens4-policy');
    expect(input('Name').readOnly).toBe(true);
    expect([...select('Configure').options].map((o) => o.value)).toEqual(['linux-bridge']);
    expect(yaml()).toContain('name: br1');
    expect(yaml()).not.toContain('ipv6');
  });

  it('marking the bridge for removal writes state: absent, leaves its steps nothing to set, and the warning names the NAD and the VM', () => {
    setLists({ NetworkAttachmentDefinition: [nadOnBr1], VirtualMachine: [vmOnIt] });
    showEdit();
    next();
    next();
    expect(step()).toBe('step-policy');
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Remove linux-bridge br1 from the nodes (state: absent)' }),
    );
    expect(yaml()).toContain('state: absent');
    // Its own steps have nothing left to set, and Next passes them.
    next();
    expect(step()).toBe('step-interface');
    expect(screen.getByTestId('nncp-removed-note').textContent).toContain('br1 is removed from the nodes');
    goTo('impact');
    const warning = screen.getByTestId('nncp-blast-removal');
    expect(warning.textContent).toContain('Removing br1 breaks default/br1-vlan100');
    expect(within(warning).getByTestId('nncp-blast-removal-vms').textContent).toBe(
      'VMs on them: default/vm-a',
    );
  });

  it('renaming the bridge removes the old one: the same warning', () => {
    setLists({ NetworkAttachmentDefinition: [nadOnBr1], VirtualMachine: [vmOnIt] });
    showEdit();
    goTo('interface');
    type(input(/^Interface name/), 'br9');
    expect(issuesOf('interfaceName')).toBe('');
    goTo('impact');
    expect(screen.getByTestId('nncp-blast-removal').textContent).toContain(
      'Removing br1 breaks default/br1-vlan100',
    );
  });

  it('a user who may create policies but not change them sees Save disabled and why, and can still take the YAML', () => {
    setAccess((attrs) => ({ allowed: attrs.verb !== 'update' }));
    try {
      showEdit();
      goTo('impact');
      next();
      expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-disabled')).toBe('true');
      const denied = screen.getByTestId('create-denied').textContent;
      expect(denied).toContain('You may not change this object');
      expect(denied).toContain('You may not change NodeNetworkConfigurationPolicy objects.');
      expect(denied).not.toContain('create');
      expect(screen.getByRole('button', { name: 'Download YAML' })).toBeTruthy();
    } finally {
      setAccess(() => ({ allowed: true }));
    }
  });

  it('Save sends a dry-run PUT, then the PUT with the resourceVersion it read; a conflict is shown and the draft kept', async () => {
    const conflict = aClient((s) =>
      s.dryRun
        ? { ok: true, value: s.obj }
        : { ok: false, error: { kind: 'conflict', status: 409, message: 'the object has been modified' } },
    );
    showEdit(conflict.client);
    goTo('ip');
    choose(select('IPv4'), 'dhcp');
    goTo('impact');
    next();
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await screen.findByTestId('edit-conflict');
    expect(conflict.sent.map((s) => [s.verb, s.dryRun, s.obj.metadata.resourceVersion])).toEqual([
      ['update', true, '7'],
      ['update', false, '7'],
    ]);
    expect(screen.getByTestId('edit-conflict').textContent).toContain(
      'br1-ens4-policy changed since this wizard read it',
    );
    await waitFor(() => expect(yaml()).toContain('dhcp: true'));
  });
});
