/**
 * The cells of an interface row. At 40,000 rows, rows mount on every keystroke and scroll, so cells do the
 * least they can: fixed texts come translated once per language (CellTexts), tooltips are built on hover, and
 * links are plain anchors that the table routes with one click handler (useRouteClicks).
 */
import { useCallback, useMemo, type FC, type MouseEvent } from 'react';
import { useHref, useNavigate } from 'react-router';
import type { TFunction } from 'i18next';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import { LazyTooltip } from '../../components/LazyTooltip';
import { nadPath } from './links';
import './flags.css';

/** The translated fixed texts of the cells, and `t` for the few that take values. */
export type CellTexts = ReturnType<typeof cellTexts>;

const cellTexts = (t: TFunction) => ({
  t,
  missingNetwork: t('Missing network'),
  podNetwork: t('Pod network'),
  primaryUdn: t('Primary UDN'),
  unknown: t('Unknown'),
  unknownWhy: t('The guest agent is not connected, so the addresses are unknown.'),
  none: t('None'),
  stale: t('stale'),
  linkLocal: t('link-local'),
  unknownSource: t('unknown source'),
  link: { up: t('Up'), down: t('Down'), absent: t('Absent') },
  flags: {
    hotplug: t('Pending hot-plug'),
    unplug: t('Pending unplug'),
    restart: t('Restart required'),
    link: t('Link state pending'),
    ephemeral: t('Not in VM spec'),
  },
  /** Why a badge is there and what to do: its tooltip (a title, so the badges are no Tab stops). */
  flagWhy: {
    hotplug: t(
      'Added to the running VM; the guest has not reported it yet. Nothing to do unless it stays: then restart the VM.',
    ),
    unplug: t(
      'Removed from the VM; the running guest still has it until the unplug completes. Restart the VM if it stays.',
    ),
    restart: t('The VM spec changed in a way the running VM cannot apply live. Restart the VM to apply it.'),
    link: t('The guest does not report the link state set in the VM spec yet.'),
    ephemeral: t('On the running VM but not in its spec: it goes away at the next restart.'),
  },
  noAgent: t('no guest agent'),
  noAgentWhy: t(
    'The guest agent is not connected: addresses come only from other sources, and the guest cannot report its link state.',
  ),
});

export const useCellTexts = (t: TFunction): CellTexts => useMemo(() => cellTexts(t), [t]);

/**
 * A link inside the table: an anchor with the router's href; a plain left click on it is routed by the table's
 * `useRouteClicks` handler, so a row does not mount react-router's Link (four hooks each) per link.
 */
export const RouteLink: FC<{ to: string; base: string; children: string; 'data-test'?: string }> = ({
  to,
  base,
  children,
  'data-test': dataTest,
}) => (
  <a href={base === '/' ? to : base.replace(/\/$/, '') + to} data-route={to} data-test={dataTest}>
    {children}
  </a>
);

/** The router base for RouteLink hrefs, and a click handler for the element around the links. */
export const useRouteClicks = (): { base: string; onClick: (e: MouseEvent) => void } => {
  const base = useHref('/');
  const navigate = useNavigate();
  const onClick = useCallback(
    (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element).closest?.('a[data-route]');
      const to = a?.getAttribute('data-route');
      if (!to || a?.getAttribute('target')) return;
      e.preventDefault();
      void navigate(to);
    },
    [navigate],
  );
  return { base, onClick };
};

export const NetworkCell: FC<{ row: InterfaceRow; text: CellTexts; base: string }> = ({
  row,
  text,
  base,
}) => {
  const net = row.network;
  if (!net) return <>{text.missingNetwork}</>;
  if (net.kind === 'pod') return <>{text.podNetwork}</>;
  if (net.kind === 'primary-udn') return <>{text.primaryUdn}</>;
  return (
    <span className="vmnet-table__line" title={net.label}>
      <RouteLink
        to={nadPath(net.nadNamespace ?? row.namespace, net.nadName ?? '')}
        base={base}
        data-test={`iface-${row.name}-network`}
      >
        {net.label}
      </RouteLink>
    </span>
  );
};

/** IPs with where they came from; stale ones (gone from status while the agent flaps) say when last seen. */
export const IpsCell: FC<{ row: InterfaceRow; text: CellTexts }> = ({ row, text }) => {
  const { t } = text;
  if (row.ipStatus === 'unknown')
    return (
      <span data-test={`iface-${row.name}-ips`}>
        <LazyTooltip content={text.unknownWhy} data-test="flag-agent">
          {text.unknown}
        </LazyTooltip>
      </span>
    );
  // A running VM without its guest agent: said here, where it matters (addresses), not among pending changes.
  const agentNote =
    row.runState.running && row.guestAgent !== 'connected' ? (
      <span className="vmnet-table__line vmnet-table__muted" title={text.noAgentWhy} data-test="flag-agent">
        {text.noAgent}
      </span>
    ) : null;
  if (row.ips.length === 0)
    return (
      <span data-test={`iface-${row.name}-ips`}>
        {row.ipStatus === 'stopped' ? '—' : text.none}
        {agentNote}
      </span>
    );
  return (
    <div data-test={`iface-${row.name}-ips`}>
      {row.ips.map((ip) => (
        <div
          key={ip.address}
          className={ip.stale ? 'vmnet-table__ip vm-network-console-plugin__ip--stale' : 'vmnet-table__ip'}
        >
          <LazyTooltip
            tabStop={false}
            content={() =>
              ip.stale
                ? t('Not reported any more; last seen {{time}}', {
                    time: new Date(ip.lastSeen ?? 0).toLocaleTimeString(),
                  })
                : t('Reported by: {{sources}}', { sources: ip.sources.join(', ') || text.unknownSource })
            }
          >
            {ip.address}
            {ip.stale && ` (${text.stale})`}
            {ip.linkLocal && ` (${text.linkLocal})`}
          </LazyTooltip>
        </div>
      ))}
      {agentNote}
    </div>
  );
};

/** Binding, and the model under it (an SR-IOV VF has no emulated model). */
export const BindingCell: FC<{ row: InterfaceRow }> = ({ row }) => (
  <>
    {row.binding ?? '—'}
    {row.binding !== 'sriov' && row.model && (
      <span className="vmnet-table__line vmnet-table__muted">{row.model}</span>
    )}
  </>
);

export const FlagsCell: FC<{ row: InterfaceRow; text: CellTexts }> = ({ row, text }) => {
  const { flags } = row;
  const shown: { key: keyof CellTexts['flags']; color: 'orange' | 'blue' | 'purple' }[] = [];
  if (flags.pendingHotplug) shown.push({ key: 'hotplug', color: 'blue' });
  if (flags.pendingUnplug) shown.push({ key: 'unplug', color: 'blue' });
  if (flags.restartRequired) shown.push({ key: 'restart', color: 'orange' });
  if (flags.linkPending) shown.push({ key: 'link', color: 'blue' });
  if (flags.ephemeral) shown.push({ key: 'ephemeral', color: 'purple' });
  if (!shown.length) return null;
  return (
    <span className="vm-network-console-plugin__flags" data-test={`iface-${row.name}-flags`}>
      {shown.map((f) => (
        <span
          key={f.key}
          className={`vm-network-console-plugin__flag vm-network-console-plugin__flag--${f.color}`}
          title={text.flagWhy[f.key]}
          data-test={`flag-${f.key}`}
        >
          {text.flags[f.key]}
        </span>
      ))}
    </span>
  );
};

export const LinkCell: FC<{ row: InterfaceRow; text: CellTexts }> = ({ row, text }) => {
  const desired = text.link[row.link.desired];
  if (!row.link.reported || row.link.reported === row.link.desired) return <>{desired}</>;
  return (
    <>
      {desired}
      <span className="vmnet-table__line vmnet-table__muted">
        {text.t('guest reports {{reported}}', { reported: row.link.reported })}
      </span>
    </>
  );
};
