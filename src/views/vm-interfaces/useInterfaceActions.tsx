/**
 * Row actions of the interface tables (edit, link up/down, remove, add to this VM) and the modals they open.
 * Actions the user may not perform are shown disabled with the reason (access review per namespace).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import type { VM, VMI } from '../../domain/kube/vm';
import { vmKey } from '../../domain/kube/vm';
import type { NetworkAttachmentDefinition } from '../../domain/kube/networks';
import { type RowActionReason, type RowActionRule, rowActionRules } from '../../domain/interfaces/rowActions';
import { NS } from '../../i18n/ns';
import { useServiceCreateAccess, useVMPatchAccess } from './useVMPatchAccess';
import { reachPath } from './links';
import { RowActions, type RowAction } from './RowActions';
import type { ChangeState } from './vmChange';
import type { InterfaceChange } from '../../domain/interfaces/conflict';
import { useK8sClient } from '../../k8s/K8sContext';

/** Objects by `vmKey(namespace, name)`, the map built on the first call. */
const lazyIndex = <T extends { metadata: { namespace?: string; name: string } }>(
  list: readonly T[],
): (() => ReadonlyMap<string, T>) => {
  let index: Map<string, T> | undefined;
  return () => (index ??= new Map(list.map((o) => [vmKey(o.metadata.namespace, o.metadata.name), o])));
};

type Open =
  | { kind: 'add'; key: string }
  | { kind: 'edit'; key: string; name: string }
  | { kind: 'remove'; key: string; name: string }
  | { kind: 'link'; key: string; name: string; state: 'up' | 'down'; result?: ChangeState };

// The modals load when first opened: they bring the patch builders, the validators and the `yaml` package (for
// cloud-init networkData), which a page that only lists interfaces does not need.
const InterfaceModal = lazy(() => import('./InterfaceModal').then((m) => ({ default: m.InterfaceModal })));
const RemoveInterfaceModal = lazy(() =>
  import('./RemoveInterfaceModal').then((m) => ({ default: m.RemoveInterfaceModal })),
);
const LinkStateAction = lazy(() => import('./LinkStateAction').then((m) => ({ default: m.LinkStateAction })));

/**
 * "Stage changes" on one VM (StagedPlan.tsx): its add / edit / remove / link actions go to the draft instead of
 * the API server, and the modals edit the VM as the draft leaves it.
 */
export type Staging = { key: string; vm: VM; stage: (change: InterfaceChange) => void };

export type InterfaceActions = {
  actions: (row: InterfaceRow) => ReactNode;
  modal: ReactNode;
  addButtonProps: (vm: VM) => { allowed: boolean; reason?: string; onClick: () => void };
};

export const useInterfaceActions = (
  vms: readonly VM[],
  vmis: readonly VMI[],
  nads: readonly NetworkAttachmentDefinition[],
  rows: readonly InterfaceRow[],
  staging?: Staging,
  /** The VM networks page: rows also lead to each VM's "Reach this VM" card (expose as a Service, SSH). */
  options: { reach?: boolean } = {},
): InterfaceActions => {
  const reach = options.reach ?? false;
  const { t } = useTranslation(NS);
  const [open, setOpen] = useState<Open | null>(null);
  const close = useCallback(() => setOpen(null), []);
  // VMs and VMIs by key, built when an action first needs one (not on the first load of 25,000 VMs).
  const byKey = useMemo(() => lazyIndex(vms), [vms]);
  const vmiByKey = useMemo(() => lazyIndex(vmis), [vmis]);
  const namespaces = useMemo(() => [...new Set(vms.map((v) => v.metadata.namespace ?? ''))], [vms]);
  const access = useVMPatchAccess(namespaces);
  const serviceAccess = useServiceCreateAccess(reach ? namespaces : []);
  const navigate = useNavigate();
  const client = useK8sClient();
  // The VMs as last rendered, for the menu's click handlers (which stay stable across watch updates).
  const vmsNow = useRef(byKey);
  useEffect(() => {
    vmsNow.current = byKey;
  }, [byKey]);
  const stagingNow = useRef(staging);
  useEffect(() => {
    stagingNow.current = staging;
  }, [staging]);

  /**
   * "Set link up/down": the PATCH is sent here, from the click, once. A modal shows only when the outcome needs
   * the user (an error, or a change made meanwhile).
   */
  const setLink = useCallback(
    (key: string, name: string, state: 'up' | 'down') => {
      const draft = stagingNow.current;
      if (draft?.key === key) return draft.stage({ kind: 'link', name, state });
      const vm = vmsNow.current().get(key);
      if (!vm) return;
      const same = (o: Open | null): o is Open & { kind: 'link' } =>
        o?.kind === 'link' && o.key === key && o.name === name;
      setOpen({ kind: 'link', key, name, state });
      void import('./linkChange')
        .then((m) => m.setLinkState(client, vm, name, state))
        .then((result) => setOpen((o) => (!same(o) ? o : result.phase === 'done' ? null : { ...o, result })));
    },
    [client],
  );

  const rowActionItems = useCallback(
    (row: InterfaceRow): RowAction[] => {
      const key = vmKey(row.namespace, row.vmName);
      const perm = access(row.namespace);
      // Which actions, and why one is disabled: domain/interfaces/rowActions.ts.
      const services = reach ? serviceAccess(row.namespace) : undefined;
      const reasonText = (reason: RowActionReason | undefined): string | undefined =>
        reason === 'not-in-spec'
          ? t('Not in the VM spec: nothing to change')
          : reason === 'denied-services'
            ? services?.reason
            : reason && perm.reason;
      const item = ({ id, reason }: RowActionRule): RowAction => {
        const disabledReason = reasonText(reason);
        switch (id) {
          case 'edit':
            return {
              title: t('Edit'),
              onClick: () => setOpen({ kind: 'edit', key, name: row.name }),
              disabledReason,
            };
          case 'link-up':
          case 'link-down': {
            const state = id === 'link-up' ? 'up' : 'down';
            const title = state === 'up' ? t('Set link up') : t('Set link down');
            return { title, onClick: () => setLink(key, row.name, state), disabledReason };
          }
          case 'remove':
            return {
              title: t('Remove'),
              onClick: () => setOpen({ kind: 'remove', key, name: row.name }),
              disabledReason,
            };
          case 'add':
            return {
              title: t('Add interface to {{vm}}', { vm: row.vmName }),
              onClick: () => setOpen({ kind: 'add', key }),
              disabledReason,
            };
          case 'expose':
            return {
              title: t('Expose as a Service…'),
              onClick: () => void navigate(reachPath(row.namespace, row.vmName, 'services')),
              disabledReason,
              'data-test': 'action-expose',
            };
          case 'ssh':
            return {
              title: t('SSH access…'),
              onClick: () => void navigate(reachPath(row.namespace, row.vmName, 'ssh')),
              disabledReason,
              'data-test': 'action-ssh',
            };
        }
      };
      const rules = rowActionRules(row, perm, services && { createServices: services.allowed });
      const editing = (r: RowActionRule) => r.id !== 'add' && r.id !== 'expose' && r.id !== 'ssh';
      const reaching = rules.filter((r) => r.id === 'expose' || r.id === 'ssh');
      // The add action sits below a separator, the ways to reach the VM below another.
      return [
        ...rules.filter(editing).map(item),
        'separator',
        ...rules.filter((r) => r.id === 'add').map(item),
        ...(reaching.length ? (['separator'] as const) : []),
        ...reaching.map(item),
      ];
    },
    [access, serviceAccess, reach, navigate, t, setLink],
  );

  // Stable between renders (rows are memoized on it): depends only on permissions and language.
  const actions = useCallback(
    (row: InterfaceRow) => (
      <RowActions
        label={t('Actions for {{iface}} of {{vm}}', { iface: row.name, vm: row.vmName })}
        items={() => rowActionItems(row)}
        data-test={`actions-${row.namespace}-${row.vmName}-${row.name}`}
      />
    ),
    [rowActionItems, t],
  );

  const staged = open && staging?.key === open.key ? staging : undefined;
  const vm = staged ? staged.vm : open ? byKey().get(open.key) : undefined;
  const vmi = open ? vmiByKey().get(open.key) : undefined;
  let modal: ReactNode = null;
  if (open && vm) {
    if (open.kind === 'add' || open.kind === 'edit')
      modal = (
        <InterfaceModal
          vm={vm}
          vmi={vmi}
          editing={open.kind === 'edit' ? open.name : undefined}
          nads={nads}
          rows={rows}
          onClose={close}
          onStage={staged?.stage}
        />
      );
    else if (open.kind === 'remove')
      modal = (
        <RemoveInterfaceModal vm={vm} vmi={vmi} name={open.name} onClose={close} onStage={staged?.stage} />
      );
    else if (open.result)
      modal = (
        <LinkStateAction vm={vm} name={open.name} state={open.state} result={open.result} onClose={close} />
      );
    modal = <Suspense fallback={null}>{modal}</Suspense>;
  }

  const addButtonProps = (v: VM) => {
    const perm = access(v.metadata.namespace ?? '');
    return {
      ...perm,
      onClick: () => setOpen({ kind: 'add', key: vmKey(v.metadata.namespace, v.metadata.name) }),
    };
  };

  return { actions, modal, addButtonProps };
};
