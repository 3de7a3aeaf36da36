/**
 * Node interfaces, virtualized (100 nodes × 100 interfaces is 10,000 rows; only those in view are rendered), one
 * line per row with the full text in a title. Plain tr/td with PatternFly's table classes, as InterfaceTable does
 * (src/views/vm-interfaces/InterfaceTable.tsx explains why not PatternFly's Td).
 */
import { memo, useMemo, useRef, type FC, type ReactNode } from 'react';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
import styles from '@patternfly/react-styles/css/components/Table/table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { topologyHref, type HostInterfaceRow } from '../../domain/hostnetworks/nodeState';
import { NS } from '../../i18n/ns';
import { RouteLink, useRouteClicks } from '../vm-interfaces/cells';
import './hostnet.css';

const ROW_HEIGHT = 41;

/** The row's type-specific facts, one short phrase each. */
export const detailsOf = (t: TFunction, r: HostInterfaceRow): string[] => {
  const d: string[] = [];
  if (r.bondMode || r.bondPorts.length)
    d.push(t('Bond {{mode}}: {{ports}}', { mode: r.bondMode ?? '', ports: r.bondPorts.join(', ') }));
  if (r.bridgePorts.length) d.push(t('Ports: {{ports}}', { ports: r.bridgePorts.join(', ') }));
  if (r.vlan) d.push(t('VLAN {{id}} on {{base}}', { id: r.vlan.id, base: r.vlan.base }));
  if (r.controller) d.push(t('Port of {{controller}}', { controller: r.controller }));
  if (r.bridgeMappings.length)
    d.push(t('OVN bridge mappings: {{localnets}}', { localnets: r.bridgeMappings.join(', ') }));
  if (r.sriov)
    d.push(
      t('SR-IOV PF: {{total}} VFs ({{listed}} reported)', { total: r.sriov.totalVfs, listed: r.sriov.vfs }),
    );
  for (const n of r.lldp)
    d.push(
      t('LLDP neighbour {{system}} port {{port}}', {
        system: n.system ?? n.chassis ?? '?',
        port: n.port ?? '?',
      }),
    );
  return d;
};

type Labels = Record<'node' | 'name' | 'type' | 'state' | 'mtu' | 'mac' | 'ips' | 'details', string>;
const COLUMNS: (keyof Labels)[] = ['node', 'name', 'type', 'state', 'mtu', 'mac', 'ips', 'details'];

const Cell: FC<{ label: string; text: string; test?: string; children?: ReactNode }> = ({
  label,
  text,
  test,
  children,
}) => (
  <td className={styles.tableTd} data-label={label} data-test={test}>
    <span className="hostnet-table__line" title={text}>
      {children ?? text}
    </span>
  </td>
);

const Row = memo<{ row: HostInterfaceRow; labels: Labels; base: string; t: TFunction }>(
  ({ row, labels, base, t }) => {
    const ips = [...row.ipv4, ...row.ipv6].join(', ');
    const details = detailsOf(t, row).join(' · ');
    return (
      <tr className={styles.tableTr} style={{ height: ROW_HEIGHT }} data-test={`hostif-${row.id}`}>
        <Cell label={labels.node} text={row.node} />
        <Cell label={labels.name} text={row.name}>
          <RouteLink to={topologyHref(row)} base={base} data-test="hostif-topology-link">
            {row.name}
          </RouteLink>
        </Cell>
        <Cell label={labels.type} text={row.type} />
        <Cell label={labels.state} text={row.state} />
        <Cell label={labels.mtu} text={row.mtu === undefined ? '—' : String(row.mtu)} />
        <Cell label={labels.mac} text={row.mac ?? '—'} />
        <Cell label={labels.ips} text={ips || '—'} />
        <Cell label={labels.details} text={details} test="hostif-details" />
      </tr>
    );
  },
);
Row.displayName = 'HostInterfaceRow';

const HostInterfaceTableView: FC<{ rows: readonly HostInterfaceRow[] }> = ({ rows }) => {
  const { t } = useTranslation(NS);
  const scrollRef = useRef<HTMLDivElement>(null);
  const labels = useMemo<Labels>(
    () => ({
      node: t('Node'),
      name: t('Interface'),
      type: t('Type'),
      state: t('State'),
      mtu: t('MTU'),
      mac: t('MAC address'),
      ips: t('IP addresses'),
      details: t('Details'),
    }),
    [t],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const { base, onClick } = useRouteClicks();
  return (
    <div
      ref={scrollRef}
      style={{ height: 'calc(100vh - 300px)', minHeight: 240, overflow: 'auto' }}
      onClick={onClick}
      data-test="hostif-table-scroll"
    >
      <Table
        aria-label={t('Node interfaces')}
        variant="compact"
        isStickyHeader
        className="hostnet-table"
        data-test="hostif-table"
      >
        <Thead>
          <Tr>
            {COLUMNS.map((key) => (
              <Th key={key} modifier="nowrap">
                {labels[key]}
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {before > 0 && (
            <tr aria-hidden>
              <td colSpan={COLUMNS.length} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            return <Row key={row.id} row={row} labels={labels} base={base} t={t} />;
          })}
          {after > 0 && (
            <tr aria-hidden>
              <td colSpan={COLUMNS.length} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </Tbody>
      </Table>
    </div>
  );
};

export const HostInterfaceTable = memo(HostInterfaceTableView);
