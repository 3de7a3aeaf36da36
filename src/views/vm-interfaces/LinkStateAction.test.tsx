// @vitest-environment jsdom
// "Set link up/down" is sent by the menu item itself; this modal shows only what needs the user: a refusal, or a
// change made meanwhile with the offer to apply the link change on the latest version.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { rebasePatch } from '../../domain/interfaces/conflict';
import type { PatchOp } from '../../domain/kube/meta';
import { aVM } from '../../domain/testing/fixtures';
import { K8sContext } from '../../k8s/K8sContext';
import '../testing/renderSetup';
import { linkChange } from './linkChange';
import { LinkStateAction } from './LinkStateAction';
import type { ChangeState } from './vmChange';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const base = aVM({ name: 'vm1', nics: ['default', 'br1'], resourceVersion: '1' });
/** Meanwhile someone changed the model of the other interface. */
const latest = (() => {
  const vm = structuredClone(base);
  vm.metadata.resourceVersion = '2';
  vm.spec.template.spec.domain.devices.interfaces![0]!.model = 'e1000e';
  return vm;
})();

const show = (result: ChangeState) => {
  const patches: PatchOp[][] = [];
  const client = {
    jsonPatch: (_m: unknown, _ref: unknown, ops: PatchOp[]) => {
      patches.push(ops);
      return Promise.resolve({ ok: true, value: latest });
    },
  };
  const onClose = vi.fn();
  const view = render(
    createElement(
      K8sContext.Provider,
      { value: { client: client as never } },
      createElement(LinkStateAction, { vm: base, name: 'br1', state: 'down', result, onClose }),
    ),
  );
  return { patches, onClose, view };
};

describe('link state modal', () => {
  it('a change made meanwhile is listed, and the link change is applied on the latest version', async () => {
    const { patches, onClose } = show({
      phase: 'conflict',
      latest,
      rebase: rebasePatch(linkChange('br1', 'down'), base, latest),
    });
    expect(screen.getByRole('dialog', { name: 'Set link down on br1' })).toBeTruthy();
    expect(screen.getByTestId('conflict-changes').textContent).toContain('Interface default changed: model');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply on the latest version' }));
    });
    expect(patches).toHaveLength(1);
    expect(patches[0]).toContainEqual({ op: 'test', path: '/metadata/resourceVersion', value: '2' });
    expect(JSON.stringify(patches[0])).toContain('"state":"down"');
    expect(onClose).toHaveBeenCalled();
  });

  it('a refusal is said with the server’s message; Close sends nothing', () => {
    const { patches, onClose } = show({
      phase: 'error',
      error: { kind: 'forbidden', status: 403, message: 'virtualmachines "vm1" is forbidden' },
    });
    expect(screen.getByText('The link state was not changed')).toBeTruthy();
    expect(screen.getByRole('dialog').textContent).toContain('virtualmachines "vm1" is forbidden');
    expect(screen.queryByRole('button', { name: 'Apply on the latest version' })).toBeNull();
    // The footer's Close (the header's × is named Close too).
    const close = screen.getAllByRole('button', { name: 'Close' }).find((b) => b.textContent === 'Close');
    fireEvent.click(close!);
    expect(onClose).toHaveBeenCalled();
    expect(patches).toHaveLength(0);
  });

  it('a change that went through shows nothing and closes', () => {
    const { onClose } = show({ phase: 'done', vm: latest });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onClose).toHaveBeenCalled();
  });
});
