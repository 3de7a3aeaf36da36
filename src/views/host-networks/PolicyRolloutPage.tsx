/**
 * Networking → NNCP rollout: every NodeNetworkConfigurationPolicy with how many of its nodes are Available,
 * Progressing, Failing, Aborted or still waiting (from the enactments), failing policies first; a policy that
 * selects no node is flagged. A policy's details list its nodes (failing first, with nmstate's message) and show
 * the desired state as YAML next to a node's current state of the same interfaces, with what would change.
 * The rules live in src/domain/hostnetworks/rollout.ts.
 */
import { useMemo, useState, type FC } from 'react';
import {
  Alert,
  Button,
  EmptyState,
  EmptyStateBody,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  Label,
  LabelGroup,
  PageSection,
  Skeleton,
  Title,
} from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TFunction } from 'i18next';
import { stringify } from 'yaml';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { LoadError } from '../../components/LoadError';
import { blastRadius } from '../../domain/hostnetworks/blastRadius';
import {
  compareWithCurrent,
  rollouts,
  type InterfaceChange,
  type NodeRolloutState,
  type PolicyRollout,
} from '../../domain/hostnetworks/rollout';
import type { K8sObject } from '../../domain/kube/meta';
import type {
  ClusterUserDefinedNetwork,
  NetworkAttachmentDefinition,
  NodeNetworkConfigurationEnactment,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  SriovNetwork,
  SriovNetworkNodePolicy,
} from '../../domain/kube/networks';
import type { VM, VMI } from '../../domain/kube/vm';
import { NS } from '../../i18n/ns';
import {
  ClusterUserDefinedNetworkModel,
  NetworkAttachmentDefinitionModel,
  NodeModel,
  NodeNetworkConfigurationEnactmentModel,
  NodeNetworkConfigurationPolicyModel,
  NodeNetworkStateModel,
  SriovNetworkModel,
  SriovNetworkNodePolicyModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
  type K8sModel,
} from '../../k8s/models';
import { withPluginQueries } from '../../k8s/PluginQueries';
import { useWatchResources } from '../../k8s/useWatchResources';
import { AdminOnly } from './AdminOnly';
import { BlastRadiusView, type Riders } from './BlastRadiusView';
import { EditPolicy } from './EditPolicy';
import './hostnet.css';

const COUNTED: NodeRolloutState[] = ['Available', 'Progressing', 'Failing', 'Aborted'];

const stateText = (t: TFunction, s: NodeRolloutState): string =>
  ({
    Available: t('Available'),
    Progressing: t('Progressing'),
    Failing: t('Failing'),
    Aborted: t('Aborted'),
    Pending: t('Pending'),
    Unknown: t('Unknown'),
    NotStarted: t('Not started'),
  })[s];

const STATE_COLOR: Record<NodeRolloutState, 'green' | 'blue' | 'red' | 'orange' | 'grey'> = {
  Available: 'green',
  Progressing: 'blue',
  Failing: 'red',
  Aborted: 'orange',
  Pending: 'grey',
  Unknown: 'grey',
  NotStarted: 'grey',
};

const changeText = (t: TFunction, c: InterfaceChange): string => {
  const what = `${c.type} ${c.name}`;
  switch (c.change) {
    case 'create':
      return t('{{what}}: created', { what });
    case 'remove':
      return t('{{what}}: removed', { what });
    case 'modify':
      return t('{{what}}: changes {{fields}}', { what, fields: c.fields.join(', ') });
    default:
      return t('{{what}}: no change', { what });
  }
};

/** What rides on the interfaces the policy touches, on the nodes it selects. */
const BlastRadiusPanel: FC<{
  policy: NodeNetworkConfigurationPolicy;
  rollout: PolicyRollout;
  states: Map<string, NodeNetworkState>;
  riders: Riders;
}> = ({ policy, rollout, states, riders }) => {
  const r = useMemo(() => {
    const nodes = rollout.nodes.filter((n) => !n.unselected).map((n) => n.node);
    const current = new Map(nodes.map((n) => [n, states.get(n)?.status?.currentState]));
    return blastRadius({ ...riders, desired: policy.spec.desiredState ?? {}, nodes, current });
  }, [policy, rollout, states, riders]);
  return <BlastRadiusView radius={r} />;
};

/** The policy's nodes, and its desired state next to one node's current state of the same interfaces. */
const PolicyDetails: FC<{
  policy: NodeNetworkConfigurationPolicy;
  rollout: PolicyRollout;
  states: Map<string, NodeNetworkState>;
  riders: Riders;
  onEdit: () => void;
}> = ({ policy, rollout, states, riders, onEdit }) => {
  const { t } = useTranslation(NS);
  const [picked, setPicked] = useState<string>();
  const node = picked ?? rollout.nodes[0]?.node;
  const desired = policy.spec.desiredState;
  const comparison = useMemo(
    () => compareWithCurrent(desired ?? {}, node ? states.get(node)?.status?.currentState : undefined),
    [desired, node, states],
  );
  const mappingText = (m: (typeof comparison.mappingChanges)[number]) =>
    ({
      create: t('Bridge mapping {{localnet}}: created', m),
      modify: t('Bridge mapping {{localnet}}: moved to another bridge', m),
      remove: t('Bridge mapping {{localnet}}: removed', m),
    })[m.change];
  return (
    <div data-test={`nncp-details-${policy.metadata.name}`}>
      <Button variant="secondary" onClick={onEdit} className="pf-v6-u-mb-md" data-test="nncp-details-edit">
        {t('Edit in the wizard')}
      </Button>
      {rollout.nodes.length > 0 && (
        <Table variant="compact" aria-label={t('Nodes of {{policy}}', { policy: policy.metadata.name })}>
          <Thead>
            <Tr>
              <Th>{t('Node')}</Th>
              <Th>{t('State')}</Th>
              <Th>{t('Message')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rollout.nodes.map((n) => (
              <Tr key={n.node} data-test={`nncp-node-${n.node}`}>
                <Td dataLabel={t('Node')}>{n.node}</Td>
                <Td dataLabel={t('State')}>
                  <Label color={STATE_COLOR[n.state]} isCompact>
                    {stateText(t, n.state)}
                  </Label>
                  {n.unselected && ` ${t('(no longer selected)')}`}
                </Td>
                <Td dataLabel={t('Message')} className="hostnet-message" data-test="nncp-node-message">
                  {n.message ?? ''}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <Grid hasGutter className="pf-v6-u-mt-md">
        <GridItem md={6}>
          <Title headingLevel="h3" size="md">
            {t('Desired state')}
          </Title>
          <pre className="hostnet-yaml" data-test="nncp-desired-yaml">
            {stringify(desired ?? {})}
          </pre>
        </GridItem>
        <GridItem md={6}>
          {node ? (
            <>
              <FormSelect
                value={node}
                onChange={(_e, v) => setPicked(v)}
                aria-label={t('Node whose current state is shown')}
                data-test="nncp-current-node"
              >
                {rollout.nodes.map((n) => (
                  <FormSelectOption
                    key={n.node}
                    value={n.node}
                    label={t('Current state on {{node}}', { node: n.node })}
                  />
                ))}
              </FormSelect>
              {states.has(node) ? (
                <pre className="hostnet-yaml" data-test="nncp-current-yaml">
                  {stringify(comparison.current)}
                </pre>
              ) : (
                <Alert
                  variant="info"
                  isInline
                  isPlain
                  title={t('{{node}} reports no network state', { node })}
                />
              )}
              <Title headingLevel="h4" size="md">
                {t('What applying it changes on {{node}}', { node })}
              </Title>
              <ul data-test="nncp-changes">
                {comparison.changes.map((c) => (
                  <li key={`${c.type}/${c.name}`}>{changeText(t, c)}</li>
                ))}
                {comparison.mappingChanges.map((m) => (
                  <li key={`bm/${m.localnet}`}>{mappingText(m)}</li>
                ))}
              </ul>
            </>
          ) : (
            <Alert variant="warning" isInline isPlain title={t('This policy selects no node')} />
          )}
        </GridItem>
      </Grid>
      <BlastRadiusPanel policy={policy} rollout={rollout} states={states} riders={riders} />
    </div>
  );
};

/** nmstate's errors quote the whole nmstatectl command line first; the reason is at the end. */
const tail = (s: string, max = 160): string => (s.length <= max ? s : `…${s.slice(s.length - max)}`);

const typed = <T extends K8sObject>(m: K8sModel): K8sModel<T> => m as K8sModel<T>;

const PolicyRolloutPage: FC = () => {
  const { t } = useTranslation(NS);
  const policies = useWatchResources(
    typed<NodeNetworkConfigurationPolicy>(NodeNetworkConfigurationPolicyModel),
  );
  const enactments = useWatchResources(
    typed<NodeNetworkConfigurationEnactment>(NodeNetworkConfigurationEnactmentModel),
  );
  const nodes = useWatchResources(typed<K8sObject>(NodeModel));
  const nnses = useWatchResources(typed<NodeNetworkState>(NodeNetworkStateModel));
  const cudns = useWatchResources(typed<ClusterUserDefinedNetwork>(ClusterUserDefinedNetworkModel));
  const nads = useWatchResources(typed<NetworkAttachmentDefinition>(NetworkAttachmentDefinitionModel));
  const sriovPolicies = useWatchResources(typed<SriovNetworkNodePolicy>(SriovNetworkNodePolicyModel));
  const sriovNetworks = useWatchResources(typed<SriovNetwork>(SriovNetworkModel));
  const vms = useWatchResources(typed<VM>(VirtualMachineModel));
  const vmis = useWatchResources(typed<VMI>(VirtualMachineInstanceModel));
  const riders = useMemo<Riders>(
    () => ({
      nodeLabels: new Map(nodes.data.map((n) => [n.metadata.name, n.metadata.labels ?? {}])),
      cudns: cudns.data,
      nads: nads.data,
      sriovPolicies: sriovPolicies.data,
      sriovNetworks: sriovNetworks.data,
      vms: vms.data,
      vmis: vmis.data,
    }),
    [nodes.data, cudns.data, nads.data, sriovPolicies.data, sriovNetworks.data, vms.data, vmis.data],
  );
  const [open, setOpen] = useState<string[]>([]);
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit');
  const edit = (name: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (name) next.set('edit', name);
        else next.delete('edit');
        return next;
      },
      { replace: false },
    );
  const list = useMemo(
    () => rollouts(policies.data, enactments.data, nodes.data),
    [policies.data, enactments.data, nodes.data],
  );
  const byName = useMemo(() => new Map(policies.data.map((p) => [p.metadata.name, p])), [policies.data]);
  const states = useMemo(() => new Map(nnses.data.map((s) => [s.metadata.name, s])), [nnses.data]);
  const connections = [
    policies,
    enactments,
    nodes,
    nnses,
    cudns,
    nads,
    sriovPolicies,
    sriovNetworks,
    vms,
    vmis,
  ].map((r) => r.connection);

  const body = () => {
    if (policies.error?.kind === 'forbidden') return <AdminOnly error={policies.error} />;
    if (policies.error)
      return (
        <LoadError
          error={policies.error}
          title={t('Could not load node network configuration policies')}
          onRetry={policies.connection.retry}
        />
      );
    if (!policies.loaded || !enactments.loaded || !nodes.loaded)
      return <Skeleton height="300px" screenreaderText={t('Loading node network configuration policies')} />;
    if (list.length === 0)
      return (
        <EmptyState
          titleText={t('No node network configuration policies')}
          headingLevel="h2"
          data-test="nncp-empty"
        >
          <EmptyStateBody>{t('No NodeNetworkConfigurationPolicy exists in this cluster.')}</EmptyStateBody>
        </EmptyState>
      );
    return (
      <Table aria-label={t('Node network configuration policies')} variant="compact" data-test="nncp-table">
        <Thead>
          <Tr>
            <Th screenReaderText={t('Details')} />
            <Th>{t('Name')}</Th>
            {COUNTED.map((s) => (
              <Th key={s} modifier="nowrap">
                {stateText(t, s)}
              </Th>
            ))}
            <Th modifier="nowrap">{t('Waiting')}</Th>
            <Th>{t('Status')}</Th>
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
        {list.map((r, rowIndex) => {
          const isOpen = open.includes(r.name);
          const policy = byName.get(r.name);
          const firstFailing = r.nodes.find((n) => n.state === 'Failing');
          const waiting = r.counts.Pending + r.counts.NotStarted + r.counts.Unknown;
          return (
            <Tbody key={r.name} isExpanded={isOpen}>
              <Tr data-test={`nncp-row-${r.name}`}>
                <Td
                  expand={{
                    rowIndex,
                    isExpanded: isOpen,
                    onToggle: () => setOpen(isOpen ? open.filter((n) => n !== r.name) : [...open, r.name]),
                    expandId: `nncp-${rowIndex}`,
                  }}
                  data-test="nncp-expand"
                />
                <Td dataLabel={t('Name')}>{r.name}</Td>
                {COUNTED.map((s) => (
                  <Td key={s} dataLabel={stateText(t, s)} data-test={`nncp-count-${s}`}>
                    {r.counts[s]}
                  </Td>
                ))}
                <Td dataLabel={t('Waiting')} data-test="nncp-count-waiting">
                  {waiting}
                </Td>
                <Td dataLabel={t('Status')} data-test="nncp-status">
                  <LabelGroup>
                    {r.matchesNoNode && (
                      <Label color="orange" isCompact data-test="nncp-no-node">
                        {t('Matches no node')}
                      </Label>
                    )}
                    {firstFailing && (
                      <Label color="red" isCompact>
                        {t('Failing on {{node}}', { node: firstFailing.node })}
                      </Label>
                    )}
                  </LabelGroup>
                  {firstFailing?.message && (
                    <div
                      className="hostnet-message"
                      title={firstFailing.message}
                      data-test="nncp-failing-message"
                    >
                      {tail(firstFailing.message)}
                    </div>
                  )}
                </Td>
                <Td isActionCell>
                  <Button variant="link" isInline onClick={() => edit(r.name)} data-test="nncp-edit">
                    {t('Edit')}
                  </Button>
                </Td>
              </Tr>
              {isOpen && policy && (
                <Tr isExpanded>
                  <Td colSpan={COUNTED.length + 5}>
                    <ExpandableRowContent>
                      <PolicyDetails
                        policy={policy}
                        rollout={r}
                        states={states}
                        riders={riders}
                        onEdit={() => edit(r.name)}
                      />
                    </ExpandableRowContent>
                  </Td>
                </Tr>
              )}
            </Tbody>
          );
        })}
      </Table>
    );
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('NNCP rollout')}</Title>
      </PageSection>
      <PageSection>
        <ConnectionBanner connections={connections} />
        {editing && !policies.error ? (
          <EditPolicy
            key={editing}
            name={editing}
            policy={byName.get(editing)}
            loaded={policies.loaded}
            onClose={() => edit(undefined)}
          />
        ) : (
          body()
        )}
      </PageSection>
    </>
  );
};

export default withPluginQueries(PolicyRolloutPage);
