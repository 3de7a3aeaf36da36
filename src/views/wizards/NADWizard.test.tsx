// @vitest-environment jsdom
// The NAD wizard as a user meets it: the basics step (basicsStep.tsx), the physical and addressing steps
// (NADSteps.tsx, MtuField / VlanField of fields.tsx) and the review (ReviewStep.tsx), beside the live YAML.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { NADType } from '../../domain/manifests/nad/nad';
import { aCluster } from '../../domain/testing/manifests';
import { toK8sError } from '../../k8s/errors';
import { setAccess } from '../testing/fakeK8sHooks';
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
import { NADWizard } from './NADWizard';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));
vi.mock('../../k8s/useAccessReview', async () => (await import('../testing/fakeK8sHooks')).accessReview);

const ctx = aCluster({ namespaces: [{ name: 'tenant-a' }, { name: 'tenant-b' }] });
const open = (type: NADType, namespace?: string) =>
  renderWizard(createElement(NADWizard, { type, ctx, namespace }));

/** Fills the basics and goes on. */
const basics = (name: string, namespace = 'tenant-a') => {
  typeInto('Name', name);
  typeInto('Namespace', namespace);
  clickNext();
};

describe('NAD wizard: basics step', () => {
  it('what the user types shows in the YAML at once', () => {
    setAccess(() => ({ allowed: true }));
    open('layer2');
    typeInto('Name', 'blue');
    typeInto('Namespace', 'tenant-a');
    expect(yamlPreview()).toContain('name: blue');
    expect(yamlPreview()).toContain('namespace: tenant-a');
    expect(yamlPreview()).toContain('"netAttachDefName": "tenant-a/blue"');
  });

  it('a bad name is said under the field once the user leaves it, and Next stays on the step', () => {
    open('layer2');
    const name = input('Name');
    fireEvent.change(name, { target: { value: 'Blue_Net' } });
    expect(messagesOf('Name')).toBe(''); // not while typing
    fireEvent.blur(name);
    expect(messagesOf('Name')).toContain('lowercase RFC 1123');
    typeInto('Namespace', 'tenant-a');
    clickNext();
    expect(currentStep()).toBe('step-basics');
    expect(name.getAttribute('aria-invalid')).toBe('true');
  });

  it('Next with the required fields empty marks them, not before', () => {
    open('layer2');
    expect(messagesOf('Name')).toBe('');
    clickNext();
    expect(currentStep()).toBe('step-basics');
    expect(messagesOf('Name')).not.toBe('');
    expect(messagesOf('Namespace')).not.toBe('');
  });

  it('the namespaces the user can see are offered; the namespace the page was opened in is filled in', () => {
    open('layer2', 'tenant-b');
    const ns = input('Namespace');
    expect(ns.value).toBe('tenant-b');
    const offered = [...document.querySelectorAll(`#${ns.getAttribute('list')} option`)].map((o) =>
      o.getAttribute('value'),
    );
    expect(offered).toEqual(['tenant-a', 'tenant-b']);
  });

  it('a Linux bridge NAD has no network name field (it has no OVN network)', () => {
    open('bridge');
    expect(screen.queryByRole('textbox', { name: 'Network name' })).toBeNull();
    open('localnet');
    expect(screen.getAllByRole('textbox', { name: 'Network name' })).toHaveLength(1);
  });
});

describe('NAD wizard: physical and addressing steps', () => {
  const cases = [
    { name: 'VLAN above 4094', label: 'VLAN ID', value: '5000', message: 'VLAN ID must be 1–4094' },
    { name: 'VLAN not a number', label: 'VLAN ID', value: 'ten', message: 'Must be a whole number' },
    { name: 'MTU too small', label: 'MTU', value: '100', message: 'MTU must be' },
  ];
  for (const c of cases)
    it(`${c.name}: said under the field, and Next stays on the step`, () => {
      open('localnet');
      basics('uplink');
      expect(currentStep()).toBe('step-physical');
      typeInto('Physical network name', 'physnet');
      typeInto(c.label, c.value);
      expect(messagesOf(c.label)).toContain(c.message);
      clickNext();
      expect(currentStep()).toBe('step-physical');
    });

  it('a VLAN and MTU the user types are in the YAML', () => {
    open('localnet');
    basics('uplink');
    typeInto('Physical network name', 'physnet');
    typeInto('VLAN ID', '100');
    typeInto('MTU', '1400');
    expect(yamlPreview()).toContain('"vlanID": 100');
    expect(yamlPreview()).toContain('"mtu": 1400');
    expect(yamlPreview()).toContain('"physicalNetworkName": "physnet"');
  });

  it('a subnet that overlaps the cluster network is refused under Subnets', () => {
    open('layer2');
    basics('blue');
    expect(currentStep()).toBe('step-addressing');
    typeInto('Subnets', '10.128.0.0/24');
    expect(messagesOf('Subnets')).toMatch(/cluster network/i);
  });

  it('Back keeps what was typed on the earlier step', () => {
    open('bridge');
    basics('br-net', 'tenant-b');
    expect(currentStep()).toBe('step-physical');
    clickBack();
    expect(input('Name').value).toBe('br-net');
    expect(input('Namespace').value).toBe('tenant-b');
  });
});

describe('NAD wizard: review and create', () => {
  const toReview = () => {
    open('layer2');
    basics('blue');
    clickNext();
    expect(currentStep()).toBe('');
  };

  it('Create sends a dry run, then the object, and says it was created', async () => {
    setAccess(() => ({ allowed: true }));
    const { sent } = renderWizard(createElement(NADWizard, { type: 'layer2', ctx }));
    basics('blue');
    clickNext();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    });
    await waitFor(() => expect(screen.getByTestId('create-success').textContent).toContain('tenant-a/blue'));
    expect(sent.map((s) => s.dryRun)).toEqual([true, false]);
    expect(sent[1]!.obj.metadata.name).toBe('blue');
  });

  it('a user who may not create NADs there sees Create disabled and why, and can still take the YAML', () => {
    setAccess(() => ({ allowed: false }));
    toReview();
    expect(screen.getByRole('button', { name: 'Create' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('create-denied').textContent).toContain(
      'You may not create NetworkAttachmentDefinition in namespace tenant-a',
    );
    expect(screen.getByRole('button', { name: 'Copy YAML' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download YAML' })).toBeTruthy();
    setAccess(() => ({ allowed: true }));
  });

  it('a server refusal of the dry run is said and nothing is created', async () => {
    setAccess(() => ({ allowed: true }));
    const { sent } = renderWizard(createElement(NADWizard, { type: 'layer2', ctx }), () => ({
      ok: false,
      error: { kind: 'forbidden', status: 403, message: 'admission webhook said no' },
    }));
    basics('blue');
    clickNext();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    });
    await screen.findByText('The server refused the dry run');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.dryRun).toBe(true);
  });

  it('a field the server refuses in the dry run (422) is said under that field, named in the review', async () => {
    setAccess(() => ({ allowed: true }));
    const refusal = toK8sError(422, {
      kind: 'Status',
      message: 'NetworkAttachmentDefinition.k8s.cni.cncf.io "blue" is invalid',
      details: { causes: [{ field: 'metadata.name', message: 'name is reserved by the admin policy' }] },
    });
    const { sent } = renderWizard(createElement(NADWizard, { type: 'layer2', ctx }), () => ({
      ok: false,
      error: refusal,
    }));
    basics('blue');
    clickNext();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    });
    await waitFor(() =>
      expect(screen.getByTestId('review-errors').textContent).toBe(
        'Name: name is reserved by the admin policy',
      ),
    );
    expect(sent.map((s) => s.dryRun)).toEqual([true]);
    fireEvent.click(within(screen.getByTestId('review-errors')).getByRole('button', { name: 'Name' }));
    expect(currentStep()).toBe('step-basics');
    expect(messagesOf('Name')).toContain('name is reserved by the admin policy');
  });

  it('Create with errors left lists each by its field label, and the link goes back to the field', async () => {
    setAccess(() => ({ allowed: true }));
    const { sent } = renderWizard(createElement(NADWizard, { type: 'layer2', ctx }));
    basics('blue');
    clickNext();
    // Back from the review, a subnet that overlaps; Next would refuse the step, the nav goes to the review.
    clickBack();
    typeInto('Subnets', '10.128.0.0/24');
    fireEvent.click(screen.getByRole('button', { name: 'Review and create' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    });
    const list = screen.getByTestId('review-errors');
    const link = within(list).getByRole('button', { name: 'Subnets (entry 1)' });
    expect(list.textContent).toBe('Subnets (entry 1): Overlaps the cluster network 10.128.0.0/14');
    expect(sent).toHaveLength(0);
    fireEvent.click(link);
    expect(currentStep()).toBe('step-addressing');
  });
});
