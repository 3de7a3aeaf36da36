// @vitest-environment jsdom
// The staged plan as the user sees it: one line per edit with how it applies and why, Apply blocked while an
// edit cannot be applied, and the restart offer with what happened to it.
import { cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildChangePlan, type ClusterRollout, type StagedEdit } from '../../domain/interfaces/plan';
import { aVM, aVMI } from '../../domain/testing/fixtures';
import type { StagedPlanState } from './useStagedPlan';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));
// Keys are the English text: an instance with no resources shows them, with their params filled in.
const i18next = (await import('i18next')).default;
const { initReactI18next } = await import('react-i18next');
await i18next.use(initReactI18next).init({ lng: 'en', resources: {}, interpolation: { escapeValue: false } });
const { StagedPlan } = await import('./StagedPlan');

configure({ testIdAttribute: 'data-test' });
afterEach(cleanup);

const ROLLOUT: ClusterRollout = { strategy: 'LiveUpdate', methods: ['LiveMigrate'], from: 'assumed' };
const NICS = ['default', 'br1', { name: 'vf', network: 'sriov-net', binding: 'sriov' }];

const stateWith = (edits: StagedEdit[], over: Partial<StagedPlanState> = {}): StagedPlanState => {
  const vm = aVM({ nics: NICS, running: true });
  const plan = buildChangePlan(
    vm,
    aVMI({ nics: NICS.map((n) => (typeof n === 'string' ? n : { name: n.name, spec: n })) }),
    edits,
    ROLLOUT,
  );
  return {
    staging: true,
    edits,
    plan,
    draftVM: plan.result,
    rollout: ROLLOUT,
    state: { phase: 'idle' },
    restart: { phase: 'idle' },
    stage: vi.fn(),
    unstage: vi.fn(),
    start: vi.fn(),
    discard: vi.fn(),
    apply: vi.fn(async () => {}),
    restartVM: vi.fn(async () => {}),
    dismiss: vi.fn(),
    ...over,
  };
};

const show = (s: StagedPlanState) => render(createElement(StagedPlan, { s, allowed: true }));

describe('staged plan', () => {
  it('shows each edit with how it applies, and applies them with one click', () => {
    const s = stateWith([
      { id: 'a', change: { kind: 'link', name: 'br1', state: 'down' } },
      { id: 'b', change: { kind: 'remove', name: 'default', running: true } },
    ]);
    show(s);
    const [link, remove] = screen.getAllByRole('listitem');
    expect(within(link!).getByTestId('plan-how').textContent).toBe('Live');
    expect(within(remove!).getByTestId('plan-how').textContent).toBe('After restart');
    expect(within(remove!).getByTestId('plan-source').textContent).toContain('restart.go');
    expect(within(remove!).getByTestId('plan-reason').textContent).toBe(
      'A masquerade interface cannot be hot-unplugged: it is removed from the spec and the guest keeps it until a restart.',
    );
    expect(screen.getByTestId('plan-rollout').textContent).toContain('assumed');
    fireEvent.click(screen.getByTestId('apply-plan'));
    expect(s.apply).toHaveBeenCalledTimes(1);
  });

  it('an edit that cannot be applied blocks Apply until it is removed from the draft', () => {
    const s = stateWith([
      { id: 'a', change: { kind: 'link', name: 'br1', state: 'down' } },
      { id: 'b', change: { kind: 'link', name: 'vf', state: 'down' } },
    ]);
    show(s);
    const bad = screen.getByTestId('plan-line-b');
    expect(within(bad).getByTestId('plan-how').textContent).toBe('Cannot apply');
    expect(within(bad).getByTestId('plan-reason').textContent).toContain(
      'SR-IOV interfaces have no link state',
    );
    expect(screen.getByTestId('plan-invalid')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('apply-plan').disabled).toBe(true);
    fireEvent.click(within(bad).getByTestId('unstage'));
    expect(s.unstage).toHaveBeenCalledWith('b');
  });

  it('a migration the cluster cannot start says why the change waits for a restart', () => {
    const s = stateWith([
      {
        id: 'a',
        change: {
          kind: 'add',
          form: { name: 'nic9', networkId: 'ns1/sriov-net', binding: 'sriov', model: 'virtio' },
        },
      },
    ]);
    const noMigrate = buildChangePlan(
      aVM({ nics: NICS, running: true }),
      aVMI({ nics: ['default', 'br1'] }),
      s.edits,
      {
        ...ROLLOUT,
        methods: ['Evict'],
      },
    );
    show({ ...s, plan: noMigrate });
    const line = screen.getByTestId('plan-line-a');
    expect(within(line).getByTestId('plan-how').textContent).toBe('After restart');
    expect(within(line).getByTestId('plan-reason').textContent).toContain(
      'evicts VMs instead of migrating them',
    );
  });

  it('after applying, the restart is offered, and a cluster without the KubeVirt API is said so', () => {
    const s = stateWith([], {
      staging: false,
      state: { phase: 'done', applied: 3, waitingForRestart: 1 },
      restart: { phase: 'unavailable' },
    });
    show(s);
    const applied = screen.getByTestId('plan-applied');
    fireEvent.click(within(applied).getByTestId('plan-restart'));
    expect(s.restartVM).toHaveBeenCalledTimes(1);
    expect(within(applied).getByTestId('plan-restart-result').textContent).toContain(
      "does not serve KubeVirt's subresources API",
    );
  });

  it('no restart is offered when nothing waits for one', () => {
    show(stateWith([], { staging: false, state: { phase: 'done', applied: 2, waitingForRestart: 0 } }));
    expect(screen.queryByTestId('plan-restart')).toBeNull();
  });
});
