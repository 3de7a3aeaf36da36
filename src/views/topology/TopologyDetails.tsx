/**
 * The side panel of a selected element: what it is, its problems with the reason, its facts, its connections, and
 * links to where it can be changed (the VM's Network interfaces tab, the VM networks page filtered by a network).
 */
import type { FC } from 'react';
import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  DrawerActions,
  DrawerCloseButton,
  DrawerHead,
  DrawerPanelBody,
  List,
  ListItem,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import type { GraphEdge, GraphNode, TopologyGraph } from '../../domain/topology/types';
import { adjacency, isNetwork } from '../../domain/topology/view';
import { vmNetworksPath, vmPath, nadPath } from '../vm-interfaces/links';
import type { TopologyText } from './useTopologyText';

type Props = {
  node: GraphNode;
  graph: TopologyGraph;
  text: TopologyText;
  onClose: () => void;
  onSelect: (id: string) => void;
  onExpand: (namespace: string) => void;
};

const MAX_LISTED = 25;

/** `/vm-networks/all-namespaces?net=a&net=b`: the VM networks page filtered to these network keys. */
const filteredVMNetworks = (keys: readonly string[], namespace?: string): string => {
  const p = new URLSearchParams();
  for (const k of keys) p.append('net', k);
  if (namespace) p.append('ns', namespace);
  return `${vmNetworksPath()}?${p.toString()}`;
};

export const TopologyDetails: FC<Props> = ({ node, graph, text, onClose, onSelect, onExpand }) => {
  const { t } = useTranslation(NS);
  const adj = adjacency(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = adj.out.get(node.id) ?? [];
  const incoming = adj.in.get(node.id) ?? [];
  const name = (id: string) => {
    const n = byId.get(id);
    return n ? text.fullName(n) : id;
  };
  const linkTo = (id: string) => (
    <Button variant="link" isInline onClick={() => onSelect(id)}>
      {name(id)}
    </Button>
  );

  const interfaces = outgoing.filter((e) => e.kind === 'interface');
  const users = incoming.filter((e) => e.kind === 'interface');
  const interfaceLine = (e: GraphEdge) => (
    <ListItem key={e.id}>
      {e.interfaceName ?? e.label} → {linkTo(e.target)}
      {e.ips?.length ? ` (${e.ips.join(', ')})` : ''}
      {e.pending === 'hotplug'
        ? ` · ${t('pending hot-plug')}`
        : e.pending === 'unplug'
          ? ` · ${t('pending unplug')}`
          : ''}
    </ListItem>
  );

  const problems = [...node.problems, ...outgoing.flatMap((e) => e.problems)];
  return (
    <>
      <DrawerHead>
        <Title headingLevel="h2" size="lg" data-test="topology-details-title">
          {text.nodeLabel(node)}
        </Title>
        <span className="pf-v6-u-color-200">{text.kind(node.kind)}</span>
        <DrawerActions>
          <DrawerCloseButton onClick={onClose} aria-label={t('Close details')} />
        </DrawerActions>
      </DrawerHead>
      <DrawerPanelBody data-test="topology-details">
        <Stack hasGutter>
          {problems.map((p, i) => (
            <StackItem key={i}>
              <Alert
                isInline
                isPlain
                variant={p.severity === 'error' ? 'danger' : p.severity === 'warning' ? 'warning' : 'info'}
                title={text.problem(p)}
                data-test="topology-problem"
              />
            </StackItem>
          ))}
          <StackItem>
            <DescriptionList isCompact isHorizontal>
              {node.namespace && node.kind !== 'Namespace' && (
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('Namespace')}</DescriptionListTerm>
                  <DescriptionListDescription>{node.namespace}</DescriptionListDescription>
                </DescriptionListGroup>
              )}
              {node.flavor && (
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('Network kind')}</DescriptionListTerm>
                  <DescriptionListDescription>{text.flavor(node.flavor)}</DescriptionListDescription>
                </DescriptionListGroup>
              )}
              {node.node && node.kind !== 'Node' && node.kind !== 'VirtualMachine' && (
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('Node')}</DescriptionListTerm>
                  <DescriptionListDescription>{node.node}</DescriptionListDescription>
                </DescriptionListGroup>
              )}
              {node.kind === 'Namespace' && (
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('Primary network')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    {outgoing.map((e) => linkTo(e.target))}
                    {node.isolated
                      ? ` · ${t('isolated from the pod network and from other namespaces')}`
                      : ''}
                  </DescriptionListDescription>
                </DescriptionListGroup>
              )}
              {node.details.map(([label, value]) => (
                <DescriptionListGroup key={label}>
                  <DescriptionListTerm>{text.detail(label)}</DescriptionListTerm>
                  <DescriptionListDescription>{value}</DescriptionListDescription>
                </DescriptionListGroup>
              ))}
            </DescriptionList>
          </StackItem>
          {interfaces.length > 0 && (
            <StackItem>
              <Title headingLevel="h3" size="md">
                {t('Interfaces')}
              </Title>
              <List isPlain>{interfaces.slice(0, MAX_LISTED).map(interfaceLine)}</List>
            </StackItem>
          )}
          {isNetwork(node) && (
            <StackItem>
              <Title headingLevel="h3" size="md">
                {t('Attached virtual machines: {{count}}', { count: users.length })}
              </Title>
              <List isPlain>
                {users.slice(0, MAX_LISTED).map((e) => (
                  <ListItem key={e.id}>
                    {linkTo(e.source)} · {e.label}
                  </ListItem>
                ))}
              </List>
              {users.length > MAX_LISTED && (
                <p>{t('…and {{more}} more', { more: users.length - MAX_LISTED })}</p>
              )}
            </StackItem>
          )}
          {node.kind === 'VMGroup' && (
            <StackItem>
              <Button
                variant="secondary"
                onClick={() => onExpand(node.namespace ?? '')}
                data-test="topology-expand"
              >
                {t('Show each virtual machine')}
              </Button>
            </StackItem>
          )}
          <StackItem>
            <DetailLinks node={node} />
          </StackItem>
        </Stack>
      </DrawerPanelBody>
    </>
  );
};

/** Where to act on the element: the VM's interfaces, the VM networks page filtered by a network, the NAD. */
const DetailLinks: FC<{ node: GraphNode }> = ({ node }) => {
  const { t } = useTranslation(NS);
  const links: { to: string; label: string; test: string }[] = [];
  if (node.kind === 'VirtualMachine' && node.namespace) {
    links.push({
      to: vmPath(node.namespace, node.name),
      label: t('Network interfaces of this VM'),
      test: 'link-vm',
    });
    links.push({
      to: `${vmNetworksPath(node.namespace)}?${new URLSearchParams({ q: node.name }).toString()}`,
      label: t('This VM in VM networks'),
      test: 'link-vm-networks',
    });
  }
  if (node.kind === 'VMGroup' && node.namespace) {
    links.push({
      to: vmNetworksPath(node.namespace),
      label: t('These VMs in VM networks'),
      test: 'link-vm-networks',
    });
  }
  if (isNetwork(node) && !node.missing && node.filterKeys?.length) {
    links.push({
      to: filteredVMNetworks(node.filterKeys),
      label: t('VMs on this network in VM networks'),
      test: 'link-network-vms',
    });
  }
  if (node.kind === 'NetworkAttachmentDefinition' && node.namespace && !node.missing) {
    links.push({
      to: nadPath(node.namespace, node.name),
      label: t('NetworkAttachmentDefinition details'),
      test: 'link-nad',
    });
  }
  if (!links.length) return null;
  return (
    <List isPlain>
      {links.map((l) => (
        <ListItem key={l.test}>
          <Link to={l.to} data-test={l.test}>
            {l.label}
          </Link>
        </ListItem>
      ))}
    </List>
  );
};
