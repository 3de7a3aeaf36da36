// @vitest-environment jsdom
// The first choice of the create page: the kind of network. A kind this cluster cannot use is disabled with the
// reason said in the option and under the picker; kinds the user may not create are marked before any typing.
// The checks that cannot run (SkippedChecks.tsx) are said before any typing too.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { CreateAccess } from '../../domain/manifests/shared/createAccess';
import type { KindAvailability, NetworkKind } from '../../domain/manifests/shared/kinds';
import type { SkippedCheck } from '../../domain/manifests/shared/context';
import '../testing/renderSetup';
import { KindPicker } from './KindPicker';
import { SkippedChecks } from './SkippedChecks';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const ALL: NetworkKind[] = [
  'nad-layer2',
  'nad-localnet',
  'nad-bridge',
  'udn-layer2',
  'udn-layer3',
  'cudn-layer2',
  'cudn-layer3',
  'cudn-localnet',
  'nncp',
  'sriov-policy',
  'sriov-network',
];

const show = ({
  kinds = ALL.map((kind): KindAvailability => ({ kind, available: true })),
  access = (): CreateAccess => ({ state: 'allowed', namespaces: 'all' }),
  onChange = vi.fn(),
}: {
  kinds?: KindAvailability[];
  access?: (kind: NetworkKind) => CreateAccess;
  onChange?: (kind: NetworkKind) => void;
}) => {
  render(createElement(KindPicker, { kinds, access, onChange }));
  return { picker: screen.getByRole<HTMLSelectElement>('combobox', { name: 'Kind of network' }), onChange };
};

const option = (picker: HTMLElement, label: RegExp) =>
  within(picker).getByRole<HTMLOptionElement>('option', { name: label });

describe('kind picker', () => {
  it('choosing a kind hands it on', () => {
    const { picker, onChange } = show({});
    fireEvent.change(picker, { target: { value: 'udn-layer3' } });
    expect(onChange).toHaveBeenCalledWith('udn-layer3');
  });

  it('a kind the cluster cannot use is disabled, with the reason in the option and under the picker', () => {
    const { picker } = show({
      kinds: ALL.map((kind) =>
        kind.startsWith('sriov')
          ? { kind, available: false, reason: 'sriov-missing' }
          : { kind, available: true },
      ),
    });
    const policy = option(picker, /^SR-IOV network node policy/);
    expect(policy.disabled).toBe(true);
    expect(policy.textContent).toContain('SR-IOV operator not installed');
    expect(option(picker, /^Linux bridge/).disabled).toBe(false);
    // One line per reason under the picker, not one per kind.
    expect(
      within(screen.getByTestId('kinds-unavailable')).getAllByText('SR-IOV operator not installed'),
    ).toHaveLength(1);
  });

  const accessCases: { name: string; access: CreateAccess; inOption: string; denied: boolean }[] = [
    {
      name: 'denied: marked YAML only, and said under the picker',
      access: { state: 'denied' },
      inOption: 'you may not create these (YAML only)',
      denied: true,
    },
    {
      name: 'allowed in some namespaces: the first three are named',
      access: { state: 'allowed', namespaces: ['t1', 't2', 't3', 't4'] },
      inOption: 'only in t1, t2, t3, …',
      denied: false,
    },
  ];
  for (const c of accessCases)
    it(`a kind the user may create only so (${c.name})`, () => {
      const { picker } = show({
        access: (kind) => (kind === 'nad-bridge' ? c.access : { state: 'allowed', namespaces: 'all' }),
      });
      const bridge = option(picker, /^Linux bridge/);
      expect(bridge.textContent).toContain(c.inOption);
      expect(bridge.disabled).toBe(false); // the user may still fill in the form and take the YAML
      const denied = screen.queryByTestId('kinds-denied');
      if (c.denied)
        expect(denied?.textContent).toContain('Your permissions do not allow creating: Linux bridge.');
      else expect(denied).toBeNull();
    });
});

describe('skipped checks', () => {
  it('says which cluster facts could not be read, why, and which checks do not run', () => {
    const skipped: SkippedCheck[] = [
      { fact: 'nodes', reason: 'forbidden' },
      { fact: 'node-states', reason: 'not-served' },
    ];
    render(createElement(SkippedChecks, { skipped }));
    expect(screen.getByText('Some checks cannot run (2)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { expanded: false })); // the alert opens on demand
    expect(screen.getByTestId('skipped-nodes').textContent).toBe(
      'Nodes: your permissions do not allow reading them. Not checked: which nodes a node selector matches.',
    );
    expect(screen.getByTestId('skipped-node-states').textContent).toContain(
      'this cluster does not serve them',
    );
  });

  it('says nothing when every check runs', () => {
    const { container } = render(createElement(SkippedChecks, { skipped: [] }));
    expect(container.textContent).toBe('');
  });
});
