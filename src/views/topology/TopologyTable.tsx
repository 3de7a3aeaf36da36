/**
 * The same nodes and edges as the graph, as two tables: for screen readers, for keyboard users and for copying.
 * Paged, so a graph of 25,000 VMs stays a light page.
 */
import { useState, type FC } from 'react';
import { Button, Pagination, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import type { TopologyGraph } from '../../domain/topology/types';
import type { TopologyText } from './useTopologyText';

const PER_PAGE = 50;

const usePage = (total: number) => {
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(PER_PAGE);
  const last = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(page, last);
  return {
    start: (current - 1) * perPage,
    end: current * perPage,
    props: {
      itemCount: total,
      page: current,
      perPage,
      onSetPage: (_e: unknown, p: number) => setPage(p),
      onPerPageSelect: (_e: unknown, p: number) => {
        setPerPage(p);
        setPage(1);
      },
      isCompact: true,
      perPageOptions: [50, 100, 500, 1000].map((n) => ({ title: String(n), value: n })),
    },
  };
};

export const TopologyTable: FC<{
  graph: TopologyGraph;
  text: TopologyText;
  onSelect: (id: string) => void;
}> = ({ graph, text, onSelect }) => {
  const { t } = useTranslation(NS);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const label = (id: string) => {
    const n = byId.get(id);
    return n ? text.fullName(n) : id;
  };
  const nodes = usePage(graph.nodes.length);
  const edges = usePage(graph.edges.length);
  const edgeKind = (k: string) =>
    ({
      interface: t('VM interface'),
      'primary-network': t('Primary network'),
      underlay: t('Rides on'),
      'bridge-mapping': t('Bridge mapping'),
      port: t('Port'),
    })[k] ?? k;
  return (
    <div data-test="topology-table">
      <Title headingLevel="h2" size="lg">
        {t('Elements')}
      </Title>
      <Pagination {...nodes.props} widgetId="topology-elements-pages" />
      <Table
        aria-label={t('Elements of the network topology')}
        variant="compact"
        data-test="topology-elements"
      >
        <Thead>
          <Tr>
            <Th>{t('Kind')}</Th>
            <Th>{t('Name')}</Th>
            <Th>{t('Namespace')}</Th>
            <Th>{t('Node')}</Th>
            <Th>{t('Problems')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {graph.nodes.slice(nodes.start, nodes.end).map((n) => (
            <Tr key={n.id}>
              <Td dataLabel={t('Kind')}>{text.kind(n.kind)}</Td>
              <Td dataLabel={t('Name')}>
                <Button variant="link" isInline onClick={() => onSelect(n.id)}>
                  {text.nodeLabel(n)}
                </Button>
              </Td>
              <Td dataLabel={t('Namespace')}>{n.namespace ?? ''}</Td>
              <Td dataLabel={t('Node')}>{n.node ?? n.nodes?.join(', ') ?? ''}</Td>
              <Td dataLabel={t('Problems')}>{n.problems.map(text.problem).join(' · ')}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Title headingLevel="h2" size="lg" className="pf-v6-u-mt-lg">
        {t('Connections')}
      </Title>
      <Pagination {...edges.props} widgetId="topology-connections-pages" />
      <Table
        aria-label={t('Connections of the network topology')}
        variant="compact"
        data-test="topology-connections"
      >
        <Thead>
          <Tr>
            <Th>{t('From')}</Th>
            <Th>{t('To')}</Th>
            <Th>{t('Connection')}</Th>
            <Th>{t('Label')}</Th>
            <Th>{t('Problems')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {graph.edges.slice(edges.start, edges.end).map((e) => (
            <Tr key={e.id}>
              <Td dataLabel={t('From')}>{label(e.source)}</Td>
              <Td dataLabel={t('To')}>{label(e.target)}</Td>
              <Td dataLabel={t('Connection')}>{edgeKind(e.kind)}</Td>
              <Td dataLabel={t('Label')}>{e.label ?? ''}</Td>
              <Td dataLabel={t('Problems')}>{e.problems.map(text.problem).join(' · ')}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </div>
  );
};
