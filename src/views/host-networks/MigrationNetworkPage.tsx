/**
 * Networking → Live-migration network: which NAD carries live migrations (HyperConverged
 * spec.liveMigrationConfig.network), the NADs that could (those in the HyperConverged CR's namespace, each
 * checked), setting it with a JSON patch that a concurrent change makes the server refuse, and per VM whether its
 * last migration went over it. The rules live in src/domain/hostnetworks/migration.ts.
 */
import { useMemo, useState, type FC } from 'react';
import {
  Alert,
  Button,
  Content,
  EmptyState,
  EmptyStateBody,
  Label,
  PageSection,
  Skeleton,
  Title,
  Tooltip,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { CheckCircleIcon, ExclamationCircleIcon, ExclamationTriangleIcon } from '@patternfly/react-icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { LoadError, useErrorText } from '../../components/LoadError';
import {
  lastMigrations,
  migrationCandidates,
  migrationNetworkOf,
  migrationSummary,
  setMigrationNetworkPatch,
  type HyperConverged,
  type MigrationCandidate,
  type MigrationCheck,
  type UsedRange,
  type VMIMigration,
  type VMMigrationRow,
} from '../../domain/hostnetworks/migration';
import type { K8sObject } from '../../domain/kube/meta';
import type {
  ClusterUserDefinedNetwork,
  NetworkAttachmentDefinition,
  NodeNetworkState,
  UserDefinedNetwork,
} from '../../domain/kube/networks';
import type { VMI } from '../../domain/kube/vm';
import { ownedSubnets } from '../../domain/manifests/shared/facts';
import { NS } from '../../i18n/ns';
import { modelAccess } from '../../k8s/access';
import type { K8sError } from '../../k8s/errors';
import { useK8sClient } from '../../k8s/K8sContext';
import {
  ClusterUserDefinedNetworkModel,
  HyperConvergedModel,
  NetworkAttachmentDefinitionModel,
  NodeModel,
  NodeNetworkStateModel,
  UserDefinedNetworkModel,
  VirtualMachineInstanceMigrationModel,
  VirtualMachineInstanceModel,
  type K8sModel,
} from '../../k8s/models';
import { withPluginQueries } from '../../k8s/PluginQueries';
import { useAccessReview } from '../../k8s/useAccessReview';
import { useWatchResources } from '../../k8s/useWatchResources';
import { mayBeConcurrentChange } from '../../k8s/errors';
import { useClusterNetworkConfig } from '../wizards/useClusterNetworkConfig';
import { AdminOnly } from './AdminOnly';
import './hostnet.css';

const typed = <T extends K8sObject>(m: K8sModel): K8sModel<T> => m as K8sModel<T>;

/** At most this many VMs are listed (migrated ones first); the rest are counted. */
const MAX_VMS = 200;

type NodeObject = K8sObject & { status?: { addresses?: { type?: string; address?: string }[] } };

const checkText = (t: TFunction, c: MigrationCheck): string => {
  const p = c.params;
  switch (c.code) {
    case 'config-invalid':
      return t('Its CNI config is not valid JSON.');
    case 'ipam-whereabouts':
      return t('Whereabouts hands out addresses from {{ranges}}.', p);
    case 'ipam-whereabouts-empty':
      return t('Whereabouts IPAM without a range: virt-handler gets no address on it.');
    case 'ipam-range-invalid':
      return t('The whereabouts range {{range}} is not a CIDR.', p);
    case 'ipam-static':
      return t(
        'Static IPAM gives every virt-handler the same address ({{addresses}}); {{nodes}} nodes run VMs.',
        p,
      );
    case 'ipam-host-local':
      return t(
        'host-local IPAM allocates on each node from the same range ({{ranges}}): two nodes get the same address.',
        p,
      );
    case 'ipam-dhcp':
      return t('DHCP IPAM: its range is not known here, so overlaps cannot be checked.');
    case 'ipam-none':
      return t('No IPAM: virt-handler gets no address on it, and migrations fail.');
    case 'ipam-other':
      return t('IPAM {{type}} is not checked here.', p);
    case 'range-overlap':
      return t('{{range}} overlaps {{other}} of {{owner}}.', p);
    case 'range-node-address':
      return t('{{range}} holds the address {{address}} of node {{node}}.', p);
    case 'range-free':
      return t('{{ranges}} overlaps no other network.', p);
    case 'host-present':
      return p.kind === 'linux-bridge'
        ? t('Bridge {{what}} exists on all {{count}} nodes that run VMs.', p)
        : p.kind === 'localnet'
          ? t('Localnet {{what}} is mapped on all {{count}} nodes that run VMs.', p)
          : t('NIC {{what}} exists on all {{count}} nodes that run VMs.', p);
    case 'host-missing':
      return p.kind === 'linux-bridge'
        ? t('Bridge {{what}} is missing on {{nodes}}, where VMs run.', p)
        : p.kind === 'localnet'
          ? t('Localnet {{what}} has no bridge mapping on {{nodes}}, where VMs run.', p)
          : t('NIC {{what}} is missing on {{nodes}}, where VMs run.', p);
    case 'host-no-state':
      return t('{{nodes}} report no network state: {{what}} cannot be checked there.', p);
    case 'host-no-vm-nodes':
      return t('No node runs VMs: {{what}} is not checked.', p);
    case 'host-default-nic':
      return t("{{plugin}} without master uses each node's default-route interface.", p);
    case 'host-overlay':
      return t('An OVN {{topology}} overlay shares the nodes’ primary NIC: not a dedicated network.', p);
    default:
      return t('Its host side ({{plugin}}) is not checked here.', p);
  }
};

const CheckIcon: FC<{ status: MigrationCheck['status'] }> = ({ status }) =>
  status === 'ok' ? (
    <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />
  ) : status === 'warning' ? (
    <ExclamationTriangleIcon color="var(--pf-t--global--icon--color--status--warning--default)" />
  ) : (
    <ExclamationCircleIcon color="var(--pf-t--global--icon--color--status--danger--default)" />
  );

const hostSideText = (t: TFunction, c: MigrationCandidate): string => {
  const s = c.hostSide;
  if (!s) return c.plugin;
  switch (s.kind) {
    case 'linux-bridge':
      return t('{{plugin}} on bridge {{name}}', { plugin: c.plugin, name: s.name });
    case 'nic':
      return t('{{plugin}} on NIC {{name}}', { plugin: c.plugin, name: s.name });
    case 'localnet':
      return t('OVN localnet {{name}}', { name: s.name });
    default:
      return c.plugin;
  }
};

type Outcome =
  | { kind: 'done'; network?: string }
  | { kind: 'conflict'; now?: string; wanted?: string }
  | { kind: 'error'; error: K8sError };

const networkName = (t: TFunction, n: string | undefined) => n ?? t('the pod network');

const VMTable: FC<{ rows: VMMigrationRow[] }> = ({ rows }) => {
  const { t } = useTranslation(NS);
  const verdict = (r: VMMigrationRow) => {
    switch (r.last?.network) {
      case 'migration-network':
        return (
          <Label color="green" isCompact>
            {t('Yes')}
          </Label>
        );
      case 'other-network':
        return (
          <Label color="orange" isCompact>
            {t('No: another migration network')}
          </Label>
        );
      case 'pod-network':
        return (
          <Label color="orange" isCompact>
            {t('No: the pod network')}
          </Label>
        );
      case 'unknown':
        return (
          <Label color="grey" isCompact>
            {t('Not known yet')}
          </Label>
        );
      default:
        return t('Never migrated');
    }
  };
  return (
    <Table variant="compact" aria-label={t('Last migration of each VM')} data-test="migration-vms">
      <Thead>
        <Tr>
          <Th>{t('VM')}</Th>
          <Th>{t('Last migration')}</Th>
          <Th>{t('Target address')}</Th>
          <Th>{t('Over the migration network')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((r) => (
          <Tr key={`${r.namespace}/${r.name}`} data-test={`migration-vm-${r.namespace}-${r.name}`}>
            <Td dataLabel={t('VM')}>{`${r.namespace}/${r.name}`}</Td>
            <Td dataLabel={t('Last migration')}>
              {r.last
                ? t('{{phase}}: {{from}} → {{to}}, {{when}}', {
                    phase: r.last.phase ?? t('Unknown'),
                    from: r.last.sourceNode ?? '?',
                    to: r.last.targetNode ?? '?',
                    when: r.last.when ?? '?',
                  })
                : ''}
            </Td>
            <Td dataLabel={t('Target address')}>{r.last?.address ?? ''}</Td>
            <Td dataLabel={t('Over the migration network')} data-test="migration-vm-verdict">
              {verdict(r)}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const MigrationNetworkPage: FC = () => {
  const { t } = useTranslation(NS);
  const client = useK8sClient();
  const errorText = useErrorText();
  const hcos = useWatchResources(typed<HyperConverged>(HyperConvergedModel));
  const nads = useWatchResources(typed<NetworkAttachmentDefinition>(NetworkAttachmentDefinitionModel));
  const udns = useWatchResources(typed<UserDefinedNetwork>(UserDefinedNetworkModel));
  const cudns = useWatchResources(typed<ClusterUserDefinedNetwork>(ClusterUserDefinedNetworkModel));
  const nnses = useWatchResources(typed<NodeNetworkState>(NodeNetworkStateModel));
  const nodes = useWatchResources(typed<NodeObject>(NodeModel));
  const vmis = useWatchResources(typed<VMI>(VirtualMachineInstanceModel));
  const migrations = useWatchResources(typed<VMIMigration>(VirtualMachineInstanceMigrationModel));
  const { network } = useClusterNetworkConfig();
  const hco = hcos.data[0];
  const namespace = hco?.metadata.namespace ?? '';
  const access = useAccessReview({
    ...modelAccess(HyperConvergedModel, 'patch', namespace),
    name: hco?.metadata.name ?? '',
  });
  // A tenant's list is empty (no HyperConverged CR in its namespaces): say why rather than "not installed".
  const listAll = useAccessReview(modelAccess(HyperConvergedModel, 'list'));
  const [busy, setBusy] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();

  const current = migrationNetworkOf(hco);
  const usedRanges = useMemo<UsedRange[]>(() => {
    const config = network?.status ?? network?.spec;
    return [
      ...ownedSubnets([...udns.data, ...cudns.data, ...nads.data]),
      ...(config?.clusterNetwork ?? []).map((c) => ({ cidr: c.cidr, owner: t('the cluster network') })),
      ...(config?.serviceNetwork ?? []).map((cidr) => ({ cidr, owner: t('the service network') })),
    ];
  }, [udns.data, cudns.data, nads.data, network, t]);
  const nodeAddresses = useMemo(
    () =>
      new Map(
        nodes.data.map((n) => [
          n.metadata.name,
          (n.status?.addresses ?? []).flatMap((a) =>
            a.type === 'InternalIP' && a.address ? [a.address] : [],
          ),
        ]),
      ),
    [nodes.data],
  );
  const candidates = useMemo(
    () =>
      hco
        ? migrationCandidates({
            hco,
            nads: nads.data,
            usedRanges,
            nodeStates: nnses.data,
            nodeAddresses,
            vmis: vmis.data,
          })
        : [],
    [hco, nads.data, usedRanges, nnses.data, nodeAddresses, vmis.data],
  );
  const currentCandidate = candidates.find((c) => c.current);
  const vmRows = useMemo(
    () => lastMigrations(vmis.data, migrations.data, currentCandidate?.ranges ?? []),
    [vmis.data, migrations.data, currentCandidate],
  );
  const summary = migrationSummary(vmRows);

  const apply = async (next: string | undefined) => {
    if (!hco) return;
    setBusy(next ?? '');
    setOutcome(undefined);
    const ops = setMigrationNetworkPatch(hco, next);
    const r = await client.jsonPatch(HyperConvergedModel, { namespace, name: hco.metadata.name }, ops);
    if (r.ok) setOutcome({ kind: 'done', network: migrationNetworkOf(r.value) });
    else if (mayBeConcurrentChange(r.error)) {
      // Confirm by reading it again: what is set now, which the user did not see.
      const latest = await client.get(typed<HyperConverged>(HyperConvergedModel), {
        namespace,
        name: hco.metadata.name,
      });
      setOutcome(
        latest.ok
          ? { kind: 'conflict', now: migrationNetworkOf(latest.value), wanted: next }
          : { kind: 'error', error: r.error },
      );
    } else setOutcome({ kind: 'error', error: r.error });
    setBusy(undefined);
  };

  const denied = !access.allowed
    ? access.loaded
      ? t('You may not change the HyperConverged CR {{namespace}}/{{name}}.', {
          namespace,
          name: hco?.metadata.name ?? '',
        })
      : t('Checking your permissions…')
    : undefined;

  const chooseButton = (c: MigrationCandidate) => {
    const reason = denied ?? (c.usable ? undefined : t('Fix the problems listed first.'));
    return (
      <Tooltip
        content={reason}
        trigger={reason ? 'mouseenter focus' : 'manual'}
        isVisible={reason ? undefined : false}
      >
        <Button
          variant="secondary"
          size="sm"
          isAriaDisabled={!!reason || busy !== undefined}
          isLoading={busy === c.name}
          onClick={() => void apply(c.name)}
          data-test={`migration-use-${c.name}`}
        >
          {t('Use for migrations')}
        </Button>
      </Tooltip>
    );
  };

  const body = () => {
    if (hcos.error?.kind === 'forbidden') return <AdminOnly error={hcos.error} />;
    if (hcos.error)
      return (
        <LoadError
          error={hcos.error}
          title={t('Could not load the HyperConverged CR')}
          onRetry={hcos.connection.retry}
        />
      );
    if (!hcos.loaded)
      return <Skeleton height="300px" screenreaderText={t('Loading the HyperConverged CR')} />;
    if (!hco && listAll.loaded && !listAll.allowed)
      return (
        <AdminOnly
          error={{
            kind: 'forbidden',
            status: 403,
            message: listAll.reason ?? '',
            missingPermission: {
              verb: 'list',
              resource: 'hyperconvergeds',
              group: HyperConvergedModel.group,
            },
          }}
        />
      );
    if (!hco && !listAll.loaded)
      return <Skeleton height="300px" screenreaderText={t('Loading the HyperConverged CR')} />;
    if (!hco)
      return (
        <EmptyState
          titleText={t('OpenShift Virtualization is not installed')}
          headingLevel="h2"
          data-test="migration-no-hco"
        >
          <EmptyStateBody>{t('No HyperConverged CR exists in this cluster.')}</EmptyStateBody>
        </EmptyState>
      );
    return (
      <>
        <div data-test="migration-current">
          <Title headingLevel="h2" size="lg">
            {t('Current setting')}
          </Title>
          <Content component="p" data-test="migration-current-value">
            {current
              ? t(
                  'Live migrations use {{network}} (NetworkAttachmentDefinition {{namespace}}/{{network}}).',
                  {
                    network: current,
                    namespace,
                  },
                )
              : t('Live migrations use the pod network.')}
          </Content>
          {current && !currentCandidate && (
            <Alert
              variant="danger"
              isInline
              isPlain
              title={t('{{namespace}}/{{network}} does not exist: virt-handler cannot attach it.', {
                namespace,
                network: current,
              })}
              data-test="migration-current-missing"
            />
          )}
          {currentCandidate && !currentCandidate.usable && (
            <Alert
              variant="danger"
              isInline
              isPlain
              title={t('The current network has problems: see below.')}
              data-test="migration-current-broken"
            />
          )}
          {current && (
            <Tooltip
              content={denied}
              trigger={denied ? 'mouseenter focus' : 'manual'}
              isVisible={denied ? undefined : false}
            >
              <Button
                variant="link"
                isInline
                isAriaDisabled={!!denied || busy !== undefined}
                onClick={() => void apply(undefined)}
                data-test="migration-use-pod"
              >
                {t('Use the pod network instead')}
              </Button>
            </Tooltip>
          )}
          {denied && access.loaded && (
            <Alert variant="info" isInline isPlain title={denied} data-test="migration-denied" />
          )}
        </div>
        {outcome?.kind === 'done' && (
          <Alert
            variant="success"
            isInline
            className="pf-v6-u-mt-md"
            title={t('Live migrations now use {{network}}. The virt-handler pods restart to attach it.', {
              network: networkName(t, outcome.network),
            })}
            data-test="migration-outcome"
          />
        )}
        {outcome?.kind === 'conflict' && (
          <Alert
            variant="warning"
            isInline
            className="pf-v6-u-mt-md"
            title={t(
              'The HyperConverged CR changed since this page read it: live migrations now use {{now}}. Nothing was changed; choose again.',
              { now: networkName(t, outcome.now) },
            )}
            data-test="migration-conflict"
          />
        )}
        {outcome?.kind === 'error' && (
          <Alert
            variant="danger"
            isInline
            className="pf-v6-u-mt-md"
            title={t('Could not change the migration network')}
            data-test="migration-error"
          >
            {errorText(outcome.error)}
          </Alert>
        )}

        <Title headingLevel="h2" size="lg" className="pf-v6-u-mt-lg">
          {t('Candidates in {{namespace}}', { namespace })}
        </Title>
        <Content component="p">
          {t(
            'KubeVirt attaches the migration network to every virt-handler pod, so only NetworkAttachmentDefinitions in the HyperConverged CR’s namespace can carry it. Each needs IPAM that gives every node its own address, a range no other network uses, and its bridge or NIC on every node that runs VMs.',
          )}
        </Content>
        {candidates.length === 0 ? (
          <EmptyState titleText={t('No candidates')} headingLevel="h3" data-test="migration-no-candidates">
            <EmptyStateBody>
              {t('No NetworkAttachmentDefinition exists in {{namespace}}. Create one there first.', {
                namespace,
              })}
            </EmptyStateBody>
          </EmptyState>
        ) : (
          <Table
            variant="compact"
            aria-label={t('Migration network candidates')}
            data-test="migration-candidates"
          >
            <Thead>
              <Tr>
                <Th>{t('Name')}</Th>
                <Th>{t('Attaches')}</Th>
                <Th>{t('Checks')}</Th>
                <Th screenReaderText={t('Actions')} />
              </Tr>
            </Thead>
            <Tbody>
              {candidates.map((c) => (
                <Tr key={c.name} data-test={`migration-candidate-${c.name}`}>
                  <Td dataLabel={t('Name')}>
                    {c.name}{' '}
                    {c.current && (
                      <Label color="blue" isCompact data-test="migration-candidate-current">
                        {t('Current')}
                      </Label>
                    )}
                  </Td>
                  <Td dataLabel={t('Attaches')}>{hostSideText(t, c)}</Td>
                  <Td dataLabel={t('Checks')}>
                    <ul className="hostnet-checks">
                      {c.checks.map((k, i) => (
                        <li key={i} data-test={`migration-check-${k.status}`}>
                          <CheckIcon status={k.status} /> {checkText(t, k)}
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td isActionCell>{c.current ? null : chooseButton(c)}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}

        <Title headingLevel="h2" size="lg" className="pf-v6-u-mt-lg">
          {t('Did each VM’s last migration use it?')}
        </Title>
        {vmis.error?.kind === 'forbidden' || migrations.error?.kind === 'forbidden' ? (
          <Alert variant="info" isInline isPlain title={t('You may not read the VMs or their migrations.')} />
        ) : (
          <>
            <Content component="p" data-test="migration-vm-summary">
              {t('{{migrated}} of {{total}} running VMs migrated: {{on}} over {{network}}, {{off}} not.', {
                migrated: summary.migrated,
                total: vmRows.length,
                on: summary.onNetwork,
                off: summary.offNetwork,
                network: networkName(t, current),
              })}
            </Content>
            {summary.migrated > 0 && <VMTable rows={vmRows.filter((r) => r.last).slice(0, MAX_VMS)} />}
            {summary.migrated > MAX_VMS && (
              <Content component="p">{t('and {{n}} more', { n: summary.migrated - MAX_VMS })}</Content>
            )}
          </>
        )}
      </>
    );
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Live-migration network')}</Title>
      </PageSection>
      <PageSection>
        <ConnectionBanner
          connections={[hcos, nads, udns, cudns, nnses, nodes, vmis, migrations].map((r) => r.connection)}
        />
        {body()}
      </PageSection>
    </>
  );
};

export default withPluginQueries(MigrationNetworkPage);
