// @vitest-environment jsdom
// The Services that select a VM, and the delete confirmation: what is deleted is what the user confirmed, Cancel
// deletes nothing, a refusal is said, and a user who may not delete sees why.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SelectorChoice } from '../../domain/reach/selector';
import type { Service } from '../../domain/reach/service';
import { aVM } from '../../domain/testing/fixtures';
import type { K8sResult } from '../../k8s/errors';
import { K8sContext } from '../../k8s/K8sContext';
import '../testing/renderSetup';
import { ServicesSection } from './ServicesSection';
import type { ReachData } from './useReachData';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const vm = aVM({ name: 'web', namespace: 'ns1' });
const svc: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web-ssh', namespace: 'ns1' },
  spec: {
    type: 'ClusterIP',
    selector: { app: 'web' },
    clusterIP: '172.30.0.9',
    ports: [{ port: 22, protocol: 'TCP' }],
  },
};

const data = (canDelete = true): ReachData => ({
  services: [svc],
  servicesLoaded: true,
  servicesError: null,
  inUse: new Map(),
  inUseLoaded: true,
  metallb: false,
  poolsReadable: undefined,
  pools: [],
  poolsLoaded: true,
  canCreate: { allowed: true, loaded: true },
  canDelete: { allowed: canDelete, loaded: true },
});

const CHOICE: SelectorChoice = { kind: 'template', key: 'app', value: 'web' };

const show = ({
  canDelete = true,
  answer = (): K8sResult<unknown> => ({ ok: true, value: {} }),
}: {
  canDelete?: boolean;
  answer?: () => K8sResult<unknown>;
}) => {
  const deleted: string[] = [];
  const client = {
    delete: (_m: unknown, ref: { namespace?: string; name: string }) => {
      deleted.push(`${ref.namespace}/${ref.name}`);
      return Promise.resolve(answer());
    },
  };
  render(
    createElement(
      K8sContext.Provider,
      { value: { client: client as never } },
      createElement(ServicesSection, {
        vm,
        selecting: [svc],
        choice: CHOICE,
        data: data(canDelete),
        onPrimaryUdn: false,
      }),
    ),
  );
  return { deleted };
};

const row = () => screen.getByRole('row', { name: /web-ssh/ });
const deleteButton = () => within(row()).getByRole('button', { name: 'Delete' });

describe('Services that select the VM', () => {
  it('lists each Service with where it answers and its selector', () => {
    show({});
    expect(row().textContent).toContain('172.30.0.9:22/TCP inside the cluster');
    expect(row().textContent).toContain('app=web');
  });

  it('Delete asks first, naming the Service and what is lost; confirming deletes that Service', async () => {
    const { deleted } = show({});
    fireEvent.click(deleteButton());
    const dialog = screen.getByRole('dialog', { name: /Delete Service web-ssh\?$/ });
    expect(dialog.textContent).toContain('loses the connection');
    expect(deleted).toHaveLength(0);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    });
    expect(deleted).toEqual(['ns1/web-ssh']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Cancel deletes nothing', () => {
    const { deleted } = show({});
    fireEvent.click(deleteButton());
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(deleted).toHaveLength(0);
  });

  it('a refusal is said and the dialog stays', async () => {
    show({
      answer: () => ({
        ok: false,
        error: { kind: 'forbidden', status: 403, message: 'services "web-ssh" is forbidden' },
      }),
    });
    fireEvent.click(deleteButton());
    const dialog = screen.getByRole('dialog');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    });
    expect(within(dialog).getByText('The Service was not deleted')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it('a Service already gone closes the dialog as deleted', async () => {
    show({ answer: () => ({ ok: false, error: { kind: 'not-found', status: 404, message: 'gone' } }) });
    fireEvent.click(deleteButton());
    await act(async () => {
      fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a user who may not delete Services there sees Delete disabled with the reason, and no dialog opens', () => {
    show({ canDelete: false });
    const button = deleteButton();
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('data-reason')).toBe('You may not delete Services in namespace ns1.');
    fireEvent.click(button);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Expose as a Service opens the expose dialog for this VM', () => {
    show({});
    fireEvent.click(screen.getByRole('button', { name: 'Expose as a Service' }));
    expect(screen.getByRole('dialog', { name: 'Expose web as a Service' })).toBeTruthy();
  });
});
