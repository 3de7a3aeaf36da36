// @vitest-environment jsdom
// The UDN and CUDN wizards as a user meets them: the shared basics step (basicsStep.tsx; a CUDN picks its
// namespaces with a selector in place of the namespace field), the physical step of a localnet CUDN and the
// addressing step (UDNAddressing.tsx), beside the live YAML.
import { screen } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { UDNTopology } from '../../domain/kube/networks';
import { aCluster } from '../../domain/testing/manifests';
import '../testing/renderSetup';
import {
  clickBack,
  clickNext,
  currentStep,
  input,
  messagesOf,
  renderWizard,
  typeInto,
  yamlPreview,
} from '../testing/wizardHarness';
import { UDNWizard } from './UDNWizard';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));
vi.mock('../../k8s/useAccessReview', async () => (await import('../testing/fakeK8sHooks')).accessReview);

const ctx = aCluster({
  namespaces: [
    { name: 'tenant-a', labels: { team: 'blue', 'k8s.ovn.org/primary-user-defined-network': '' } },
    { name: 'tenant-b', labels: { team: 'blue' } },
    { name: 'tenant-c', labels: { team: 'red' } },
  ],
});
const open = (scope: 'namespace' | 'cluster', topology: UDNTopology = 'Layer2', namespace?: string) =>
  renderWizard(createElement(UDNWizard, { scope, topology, ctx, namespace }));
const roleSelect = () => screen.queryByRole<HTMLSelectElement>('combobox', { name: 'Role' });

describe('UDN wizard: basics', () => {
  it('name, namespace and role, as the YAML shows them', () => {
    open('namespace', 'Layer2', 'tenant-a');
    expect(input('Namespace').value).toBe('tenant-a');
    typeInto('Name', 'blue');
    expect(yamlPreview()).toContain('kind: UserDefinedNetwork');
    expect(yamlPreview()).toContain('name: blue');
    expect(yamlPreview()).toContain('role: Primary');
    roleSelect()!.value = 'Secondary';
    roleSelect()!.dispatchEvent(new Event('change', { bubbles: true }));
    expect(yamlPreview()).toContain('role: Secondary');
  });

  it('a Primary network in a namespace created without the primary-network label is refused under Namespace', () => {
    open('namespace', 'Layer2');
    typeInto('Name', 'blue');
    typeInto('Namespace', 'tenant-c');
    expect(messagesOf('Namespace')).toContain(
      'Namespace tenant-c lacks the label k8s.ovn.org/primary-user-defined-network',
    );
    clickNext();
    expect(currentStep()).toBe('step-basics');
  });

  it('an empty namespace stops Next with the error under Namespace', () => {
    open('namespace');
    typeInto('Name', 'blue');
    clickNext();
    expect(currentStep()).toBe('step-basics');
    expect(messagesOf('Namespace')).not.toBe('');
    expect(messagesOf('Name')).toBe('');
  });
});

describe('CUDN wizard: basics', () => {
  it('a namespace selector replaces the namespace field, and says which namespaces it matches', () => {
    open('cluster');
    expect(screen.queryByRole('combobox', { name: 'Namespace' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Namespace' })).toBeNull();
    typeInto('Namespace selector (labels)', 'team=blue');
    expect(screen.getByText('2 namespaces match: tenant-a, tenant-b')).toBeTruthy();
    expect(yamlPreview()).toContain('kind: ClusterUserDefinedNetwork');
    expect(yamlPreview()).toMatch(/namespaceSelector:\s+matchLabels:\s+team: blue/);
    typeInto('Namespace selector (labels)', 'team=red');
    expect(screen.getByText('1 namespace matches: tenant-c')).toBeTruthy();
  });

  it('a selector that matches no namespace is said under the selector', () => {
    open('cluster');
    typeInto('Name', 'shared');
    typeInto('Namespace selector (labels)', 'team=green');
    expect(messagesOf('Namespace selector (labels)')).toContain('Matches no namespace');
  });

  it('an empty selector stops Next with the error under the selector', () => {
    open('cluster');
    typeInto('Name', 'shared');
    clickNext();
    expect(currentStep()).toBe('step-basics');
    expect(messagesOf('Namespace selector (labels)')).not.toBe('');
  });

  it('a localnet CUDN has no role (always Secondary) and a physical network step with the VLAN access ID', () => {
    open('cluster', 'Localnet');
    expect(roleSelect()).toBeNull();
    expect(yamlPreview()).toContain('role: Secondary');
    typeInto('Name', 'phys');
    typeInto('Namespace selector (labels)', 'team=blue');
    clickNext();
    expect(currentStep()).toBe('step-physical');
    typeInto('VLAN access ID', '4095');
    expect(messagesOf('VLAN access ID')).toContain('VLAN ID must be 1–4094');
    typeInto('VLAN access ID', '42');
    expect(messagesOf('VLAN access ID')).toBe('');
    expect(yamlPreview()).toMatch(/vlan:\s+access:\s+id: 42\s+mode: Access/);
  });
});

describe('UDN wizard: addressing', () => {
  const toAddressing = (topology: UDNTopology) => {
    open('namespace', topology, 'tenant-a');
    typeInto('Name', 'blue');
    clickNext();
    expect(currentStep()).toBe('step-addressing');
  };

  it('a Layer3 entry CIDR/hostSubnet becomes the subnet and its host subnet', () => {
    toAddressing('Layer3');
    typeInto('Subnets', '10.100.0.0/16/24');
    expect(yamlPreview()).toMatch(/cidr: 10\.100\.0\.0\/16\s+hostSubnet: 24/);
  });

  it('a subnet that is no CIDR is said under Subnets and Next stays', () => {
    toAddressing('Layer2');
    typeInto('Subnets', '10.100.0.0');
    expect(messagesOf('Subnets')).not.toBe('');
    clickNext();
    expect(currentStep()).toBe('step-addressing');
  });

  it('join subnets are offered to a Primary network only', () => {
    toAddressing('Layer2');
    expect(screen.queryByRole('textbox', { name: 'Join subnets' })).not.toBeNull();
    clickBack();
    const role = roleSelect()!;
    role.value = 'Secondary';
    role.dispatchEvent(new Event('change', { bubbles: true }));
    clickNext();
    expect(screen.queryByRole('textbox', { name: 'Join subnets' })).toBeNull();
  });

  it('an MTU above the cluster network MTU is said under MTU', () => {
    renderWizard(
      createElement(UDNWizard, {
        scope: 'namespace',
        topology: 'Layer2',
        ctx: { ...ctx, clusterNetworkMtu: 1400 },
        namespace: 'tenant-a',
      }),
    );
    typeInto('Name', 'blue');
    clickNext();
    typeInto('MTU', '9000');
    expect(messagesOf('MTU')).toContain('above the cluster network MTU 1400');
  });
});
