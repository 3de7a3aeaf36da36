// @vitest-environment jsdom
// Issue #11, point 4: what the user confirmed in the remove modal is what is sent, even when the VM or its
// instance changes by watch while the modal is open.
import { act, cleanup, configure, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PatchOp } from '../../domain/kube/meta';
import type { VM } from '../../domain/kube/vm';
import { aVM, aVMI } from '../../domain/testing/fixtures';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const { K8sContext } = await import('../../k8s/K8sContext');
const { RemoveInterfaceModal } = await import('./RemoveInterfaceModal');

configure({ testIdAttribute: 'data-test' });
afterEach(cleanup);

/** A client that records the JSON patches and answers 422 (a failed test op) when asked to. */
const recordingClient = (latest: () => VM, failTest: () => boolean) => {
  const patches: PatchOp[][] = [];
  const client = {
    jsonPatch: async (_m: unknown, _ref: unknown, ops: PatchOp[]) => {
      patches.push(ops);
      if (failTest())
        return {
          ok: false,
          error: { kind: 'invalid', status: 422, message: 'the server rejected our request' },
        };
      return { ok: true, value: latest() };
    },
    get: async () => ({ ok: true, value: latest() }),
  };
  return { client: client as never, patches };
};

const mount = (client: never, vm: VM, running: boolean) => {
  const vmi = aVMI({ name: vm.metadata.name, phase: running ? 'Running' : 'Succeeded' });
  const el = (v: VM, r: boolean) =>
    createElement(
      K8sContext.Provider,
      { value: { client } },
      createElement(RemoveInterfaceModal, {
        vm: v,
        vmi: r ? vmi : undefined,
        name: 'nic1',
        onClose: () => {},
      }),
    );
  const view = render(el(vm, running));
  return { rerender: (v: VM, r: boolean) => view.rerender(el(v, r)) };
};

describe('remove interface modal', () => {
  it('a change to the interface arriving by watch goes through "changed meanwhile", not removed unseen', async () => {
    const v1 = aVM({ name: 'vm1', nics: ['default', 'nic1'], resourceVersion: '100' });
    const v2 = structuredClone(v1);
    v2.metadata.resourceVersion = '101';
    v2.spec.template.spec.domain.devices.interfaces![1]!.model = 'e1000e';
    const server = v2;
    const { client, patches } = recordingClient(
      () => server,
      () => patches.length === 1,
    );
    const view = mount(client, v1, false);
    // The watch delivers v2 while the modal is open.
    view.rerender(v2, false);
    await act(async () => {
      fireEvent.click(screen.getByTestId('confirm-remove'));
    });
    // The first patch is the one the user confirmed: on version 100, testing the interface as they saw it.
    expect(patches[0]).toContainEqual({ op: 'test', path: '/metadata/resourceVersion', value: '100' });
    expect(patches[0]).toContainEqual(
      expect.objectContaining({
        op: 'test',
        path: '/spec/template/spec/domain/devices/interfaces/1',
        value: { name: 'nic1', bridge: {} },
      }),
    );
    // The server refuses it and the user is told what changed before anything is removed.
    expect(screen.getByTestId('conflict').textContent).toContain('a change made meanwhile');
    expect(screen.getByTestId('conflict-changes').textContent).toContain('changed');
    expect(patches).toHaveLength(1);
  });

  it('the plan shown when the modal opened (hot-unplug) is the plan sent, though the VM stopped meanwhile', async () => {
    const vm = aVM({ name: 'vm1', nics: ['default', 'nic1'], resourceVersion: '7', running: true });
    const { client, patches } = recordingClient(
      () => vm,
      () => false,
    );
    const view = mount(client, vm, true);
    expect(screen.getByTestId('remove-plan').textContent).toContain('hot-unplugs');
    view.rerender(vm, false); // the VMI went away: a live plan would now say "removed from the spec"
    expect(screen.getByTestId('remove-plan').textContent).toContain('hot-unplugs');
    await act(async () => {
      fireEvent.click(screen.getByTestId('confirm-remove'));
    });
    expect(patches[0]).toContainEqual(
      expect.objectContaining({
        op: 'replace',
        value: expect.objectContaining({ name: 'nic1', state: 'absent' }),
      }),
    );
  });

  // Issue #14 point 7: KubeVirt refuses `state: absent` on the pod network (domain/interfaces/hotplug.ts).
  it("a running VM's bridge interface on the pod network: told it leaves at restart, removed without state: absent", async () => {
    const vm = aVM({
      name: 'vm1',
      nics: [{ name: 'nic1', network: 'pod', binding: 'bridge' }, 'nic2'],
      resourceVersion: '8',
      running: true,
    });
    const { client, patches } = recordingClient(
      () => vm,
      () => false,
    );
    mount(client, vm, true);
    expect(screen.getByTestId('remove-plan').textContent).toContain('guest keeps it until the VM restarts');
    await act(async () => {
      fireEvent.click(screen.getByTestId('confirm-remove'));
    });
    expect(patches[0]).toContainEqual({
      op: 'remove',
      path: '/spec/template/spec/domain/devices/interfaces/0',
    });
    expect(JSON.stringify(patches[0])).not.toContain('absent');
  });
});
