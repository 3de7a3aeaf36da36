// @vitest-environment jsdom
// The SR-IOV policy and network wizards as the user sees them, step by step: the inputs found by role and label,
// their validators' messages under them, the YAML preview following them, and Create sending a dry run first.
import '../testing/renderSetup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import { aCluster, aPF, aSriovState } from '../../domain/testing/manifests';
import type { K8sClient } from '../../k8s/client';
import { K8sContext } from '../../k8s/K8sContext';
import { SriovNetworkWizard } from './SriovNetworkWizard';
import { SriovPolicyWizard } from './SriovPolicyWizard';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const CAPABLE = { 'feature.node.kubernetes.io/network-sriov.capable': 'true' };
const sriovCluster = (): ClusterContext =>
  aCluster({
    nodes: [{ name: 'w1', labels: CAPABLE }],
    sriovNodeStates: [aSriovState('w1', [aPF('ens1f0', 64), aPF('ens1f1', 16)])],
    sriovPolicies: [],
  });

/** A client that allows every access review and answers creates with `answer` (the dry run, then the create). */
const aClient = (
  answer: (obj: unknown, dryRun: boolean) => unknown = (obj) => ({ ok: true, value: obj }),
) => {
  const create = vi.fn((_model: unknown, obj: unknown, opts?: { dryRun?: boolean }) =>
    Promise.resolve(answer(obj, !!opts?.dryRun)),
  );
  const client = {
    request: vi.fn(() => Promise.resolve({ ok: true, value: { status: { allowed: true } } })),
    create,
  } as unknown as K8sClient;
  return { client, create };
};

const show = (wizard: ReactNode, client = aClient().client) =>
  render(
    createElement(
      QueryClientProvider,
      { client: new QueryClient({ defaultOptions: { queries: { retry: false } } }) },
      createElement(K8sContext.Provider, { value: { client } }, createElement(MemoryRouter, null, wizard)),
    ),
  );

/** A text input by its label; one with suggestions (a datalist) has the combobox role. */
const input = (name: RegExp | string) =>
  screen.queryByRole('textbox', { name }) ?? screen.getByRole('combobox', { name });
const select = (name: RegExp | string) => screen.getByRole('combobox', { name });
const check = (name: RegExp | string) => screen.getByRole('checkbox', { name });
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const yaml = () => screen.getByTestId('yaml-preview').textContent ?? '';
const next = () => fireEvent.click(screen.getByRole('button', { name: 'Next' }));
const issuesOf = (field: string) => screen.queryByTestId(`field-${field}-issues`)?.textContent ?? '';

/** Create, once the access review has enabled it. */
const clickCreate = async () => {
  const button = await screen.findByRole('button', { name: 'Create' });
  await waitFor(() => expect(button.getAttribute('aria-disabled')).not.toBe('true'));
  fireEvent.click(button);
};

const policyToDevices = () => {
  show(createElement(SriovPolicyWizard, { ctx: sriovCluster() }));
  type(input(/^Name( \*)?$/), 'dpdk-nics');
  type(input(/^Resource name/), 'dpdk_nics');
  next();
  screen.getByRole('combobox', { name: 'Physical function' });
};

describe('SR-IOV policy wizard', () => {
  it('Basics: name and resource name are required; Next stays with the message under the field', () => {
    show(createElement(SriovPolicyWizard, { ctx: sriovCluster() }));
    expect(input(/^Namespace/)).toHaveProperty('value', 'openshift-sriov-network-operator');
    type(input(/^Resource name/), 'bad name');
    next();
    expect(input(/^Resource name/).getAttribute('aria-invalid')).toBe('true');
    expect(issuesOf('resourceName')).toMatch(/Resource name must/);
    expect(screen.queryByRole('combobox', { name: 'Link type' })).toBeNull();
  });

  it('Nodes and devices: the DPDK preset sets vfio-pci, clears RDMA and says what the VM needs, with the docs', () => {
    policyToDevices();
    fireEvent.change(select('Device type'), { target: { value: 'netdevice' } });
    fireEvent.click(check('RDMA'));
    expect(yaml()).toContain('isRdma: true');
    expect(screen.queryByTestId('dpdk-vm-needs')).toBeNull();

    fireEvent.click(check(/DPDK preset/));
    expect(select('Device type')).toHaveProperty('value', 'vfio-pci');
    expect(check('RDMA')).toHaveProperty('checked', false);
    expect(yaml()).toContain('deviceType: vfio-pci');
    expect(yaml()).not.toContain('isRdma');
    const panel = screen.getByTestId('dpdk-vm-needs');
    for (const need of [/Dedicated CPUs/, /Hugepages/, /guest image with DPDK/, /SR-IOV binding/])
      expect(within(panel).getByText(need)).toBeTruthy();
    const docs = within(panel).getByRole('link', { name: /using DPDK with SR-IOV/ });
    expect(docs.getAttribute('href')).toMatch(/^https:\/\/docs\.redhat\.com\/.*virtualization/);
    expect(docs.getAttribute('rel')).toContain('noopener');

    // The preset holds the device type: netdevice is refused under the field.
    fireEvent.change(select('Device type'), { target: { value: 'netdevice' } });
    expect(issuesOf('deviceType')).toMatch(/DPDK preset needs deviceType vfio-pci/);
    expect(select('Device type').getAttribute('aria-invalid')).toBe('true');
  });

  it('Nodes and devices: RDMA with vfio-pci is refused on its field, and Next stays on the step', () => {
    policyToDevices();
    fireEvent.click(check('RDMA'));
    expect(issuesOf('isRdma')).toContain('RDMA cannot be used with deviceType vfio-pci');
    next();
    expect(select('Link type')).toBeTruthy();
  });

  it('Nodes and devices: linkType, priority and vhost-net show in the YAML; ib on netdevice turns RDMA on', () => {
    policyToDevices();
    fireEvent.change(select('Link type'), { target: { value: 'eth' } });
    type(input(/^Priority/), '10');
    fireEvent.click(check('Mount /dev/vhost-net'));
    expect(yaml()).toMatch(/linkType: eth/);
    expect(yaml()).toMatch(/priority: 10/);
    expect(yaml()).toMatch(/needVhostNet: true/);

    fireEvent.change(select('Device type'), { target: { value: 'netdevice' } });
    fireEvent.change(select('Link type'), { target: { value: 'ib' } });
    expect(check('RDMA')).toHaveProperty('checked', true);
    expect(yaml()).toMatch(/linkType: ib/);
    expect(yaml()).toMatch(/isRdma: true/);
    // Turned off again, the operator would still turn it on: a warning says so.
    fireEvent.click(check('RDMA'));
    expect(issuesOf('linkType')).toMatch(/SR-IOV operator turns isRdma on/);
  });

  it('Nodes and devices: InfiniBand on a PF that reports Ethernet and cannot switch is refused under Link type', () => {
    const ctx = sriovCluster();
    ctx.sriovNodeStates = [aSriovState('w1', [aPF('ens1f0', 64, { linkType: 'ETH' })])];
    show(createElement(SriovPolicyWizard, { ctx }));
    type(input(/^Name( \*)?$/), 'ib-nics');
    type(input(/^Resource name/), 'ib_nics');
    next();
    fireEvent.change(select('Physical function'), { target: { value: 'ens1f0' } });
    fireEvent.change(select('Link type'), { target: { value: 'ib' } });
    expect(issuesOf('linkType')).toContain('ens1f0 on node w1 reports link type eth; only Mellanox NICs');
    expect(select('Link type').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(select('Link type'), { target: { value: 'eth' } });
    expect(issuesOf('linkType')).toBe('');
  });

  it.each([
    ['100', /Priority must be a whole number 0–99/],
    ['-1', /Priority must be a whole number 0–99/],
    ['2.5', /whole number/],
  ])('Nodes and devices: priority %s is refused under the field', (value, message) => {
    policyToDevices();
    type(input(/^Priority/), value);
    fireEvent.blur(input(/^Priority/));
    expect(issuesOf('priority')).toMatch(message);
    expect(input(/^Priority/).getAttribute('aria-invalid')).toBe('true');
  });

  it('Review: Create runs the dry run, then creates the policy with the inputs', async () => {
    const { client, create } = aClient();
    show(createElement(SriovPolicyWizard, { ctx: sriovCluster() }), client);
    type(input(/^Name( \*)?$/), 'dpdk-nics');
    type(input(/^Resource name/), 'dpdk_nics');
    next();
    fireEvent.change(select('Physical function'), { target: { value: 'ens1f0' } });
    fireEvent.click(check(/DPDK preset/));
    fireEvent.change(select('Link type'), { target: { value: 'eth' } });
    type(input(/^Priority/), '20');
    next();
    await clickCreate();
    await screen.findByTestId('create-success');
    expect(create.mock.calls.map((c) => !!c[2]?.dryRun)).toEqual([true, false]);
    expect(create.mock.calls[1]?.[1]).toMatchObject({
      kind: 'SriovNetworkNodePolicy',
      spec: { deviceType: 'vfio-pci', linkType: 'eth', priority: 20, nicSelector: { pfNames: ['ens1f0'] } },
    });
  });

  it('Review: a dry-run refusal at spec.priority shows under Priority, and nothing is created', async () => {
    const refusal = {
      ok: false,
      error: {
        kind: 'invalid',
        status: 422,
        reason: 'Invalid',
        message: 'SriovNetworkNodePolicy is invalid',
        fieldIssues: [
          {
            field: 'spec.priority',
            code: 'server',
            severity: 'error',
            params: { message: 'Invalid value: 7: refused by the server' },
          },
        ],
      },
    };
    const { client, create } = aClient((obj, dryRun) => (dryRun ? refusal : { ok: true, value: obj }));
    show(createElement(SriovPolicyWizard, { ctx: sriovCluster() }), client);
    type(input(/^Name( \*)?$/), 'p');
    type(input(/^Resource name/), 'r');
    next();
    fireEvent.change(select('Physical function'), { target: { value: 'ens1f0' } });
    type(input(/^Priority/), '7');
    next();
    await clickCreate();
    await waitFor(() => expect(screen.getByTestId('form-has-errors').textContent).toContain('Priority'));
    expect(create).toHaveBeenCalledTimes(1);
    fireEvent.click(within(screen.getByTestId('review-errors')).getByRole('button', { name: 'Priority' }));
    expect(await screen.findByText('Invalid value: 7: refused by the server')).toBeTruthy();
    expect(input(/^Priority/)).toHaveProperty('value', '7');
  });
});

describe('SR-IOV network wizard', () => {
  const ctx = () =>
    aCluster({
      namespaces: [{ name: 'tenant-a' }],
      sriovPolicies: [
        {
          apiVersion: 'sriovnetwork.openshift.io/v1',
          kind: 'SriovNetworkNodePolicy',
          metadata: { name: 'p', namespace: 'openshift-sriov-network-operator' },
          spec: {
            resourceName: 'dpdk_nics',
            nodeSelector: {},
            numVfs: 4,
            nicSelector: { pfNames: ['ens1f0'] },
          },
        },
      ],
    });

  it('Basics: offers the policies’ resource names and warns about one no policy provides', () => {
    show(createElement(SriovNetworkWizard, { ctx: ctx() }));
    expect(document.querySelector('option[value="dpdk_nics"]')).not.toBeNull();
    type(input(/^Name( \*)?$/), 'dpdk-net');
    type(input(/^Resource name/), 'other_nics');
    fireEvent.blur(input(/^Resource name/));
    expect(issuesOf('resourceName')).toContain('No SriovNetworkNodePolicy provides resource "other_nics"');
    type(input(/^Resource name/), 'dpdk_nics');
    type(input(/^Network namespace/), 'tenant-a');
    expect(yaml()).toMatch(/resourceName: dpdk_nics/);
    expect(yaml()).toMatch(/networkNamespace: tenant-a/);
  });

  it('VF settings: VLAN and IPAM are checked under their fields and shown in the YAML', () => {
    show(createElement(SriovNetworkWizard, { ctx: ctx() }));
    type(input(/^Name( \*)?$/), 'dpdk-net');
    type(input(/^Resource name/), 'dpdk_nics');
    next();
    type(input(/^VLAN ID/), '5000');
    fireEvent.blur(input(/^VLAN ID/));
    expect(input(/^VLAN ID/).getAttribute('aria-invalid')).toBe('true');
    type(input(/^VLAN ID/), '120');
    expect(yaml()).toMatch(/vlan: 120/);
    type(input(/^IPAM/), '{"type": "whereabouts",');
    fireEvent.blur(input(/^IPAM/));
    expect(issuesOf('ipam')).not.toBe('');
    expect(input(/^IPAM/).getAttribute('aria-invalid')).toBe('true');
  });

  it('Review: Create runs the dry run, then creates the SriovNetwork with the VF settings', async () => {
    const { client, create } = aClient();
    show(createElement(SriovNetworkWizard, { ctx: ctx() }), client);
    type(input(/^Name( \*)?$/), 'dpdk-net');
    type(input(/^Resource name/), 'dpdk_nics');
    type(input(/^Network namespace/), 'tenant-a');
    next();
    type(input(/^VLAN ID/), '120');
    fireEvent.change(select('Trust'), { target: { value: 'on' } });
    next();
    await clickCreate();
    await screen.findByTestId('create-success');
    expect(create.mock.calls.map((c) => !!c[2]?.dryRun)).toEqual([true, false]);
    expect(create.mock.calls[1]?.[1]).toMatchObject({
      kind: 'SriovNetwork',
      metadata: { name: 'dpdk-net', namespace: 'openshift-sriov-network-operator' },
      spec: { resourceName: 'dpdk_nics', networkNamespace: 'tenant-a', vlan: 120, trust: 'on' },
    });
  });
});
