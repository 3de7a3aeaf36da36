/**
 * The cells of an interface row. They take the row's `t` rather than each calling useTranslation: a row mounts
 * four of them, and at 40,000 rows rows mount on every keystroke and scroll.
 */
import type { FC } from 'react';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import { LazyTooltip } from '../../components/LazyTooltip';
import { nadPath } from './links';
import './flags.css';

export const NetworkCell: FC<{ row: InterfaceRow; t: TFunction }> = ({ row, t }) => {
  const net = row.network;
  if (!net) return <>{t('Missing network')}</>;
  if (net.kind === 'pod') return <>{t('Pod network')}</>;
  if (net.kind === 'primary-udn') return <>{t('Primary UDN')}</>;
  return (
    <Link
      to={nadPath(net.nadNamespace ?? row.namespace, net.nadName ?? '')}
      data-test={`iface-${row.name}-network`}
    >
      {net.label}
    </Link>
  );
};

const sourceText = (sources: readonly string[]) => sources.join(', ');

/** IPs with where they came from; stale ones (gone from status while the agent flaps) say when last seen. */
export const IpsCell: FC<{ row: InterfaceRow; t: TFunction }> = ({ row, t }) => {
  if (row.ipStatus === 'unknown')
    return (
      <LazyTooltip
        content={t('The guest agent is not connected, so the addresses are unknown.')}
        data-test={`iface-${row.name}-ips`}
      >
        {t('Unknown')}
      </LazyTooltip>
    );
  if (row.ips.length === 0)
    return <span data-test={`iface-${row.name}-ips`}>{row.ipStatus === 'stopped' ? '—' : t('None')}</span>;
  return (
    <div data-test={`iface-${row.name}-ips`}>
      {row.ips.map((ip) => (
        <div key={ip.address} className={ip.stale ? 'vm-network-console-plugin__ip--stale' : undefined}>
          <LazyTooltip
            content={
              ip.stale
                ? t('Not reported any more; last seen {{time}}', {
                    time: new Date(ip.lastSeen ?? 0).toLocaleTimeString(),
                  })
                : t('Reported by: {{sources}}', { sources: sourceText(ip.sources) || t('unknown source') })
            }
          >
            {ip.address}
            {ip.stale && ` (${t('stale')})`}
            {ip.linkLocal && ` (${t('link-local')})`}
          </LazyTooltip>
        </div>
      ))}
    </div>
  );
};

export const FlagsCell: FC<{ row: InterfaceRow; t: TFunction }> = ({ row, t }) => {
  const { flags } = row;
  const labels: { key: string; text: string; color: 'orange' | 'blue' | 'grey' | 'purple' }[] = [];
  if (flags.pendingHotplug) labels.push({ key: 'hotplug', text: t('Pending hot-plug'), color: 'blue' });
  if (flags.pendingUnplug) labels.push({ key: 'unplug', text: t('Pending unplug'), color: 'blue' });
  if (flags.restartRequired) labels.push({ key: 'restart', text: t('Restart required'), color: 'orange' });
  if (flags.linkPending) labels.push({ key: 'link', text: t('Link state pending'), color: 'blue' });
  if (flags.ephemeral) labels.push({ key: 'ephemeral', text: t('Not in VM spec'), color: 'purple' });
  if (row.runState.running && row.guestAgent !== 'connected')
    labels.push({ key: 'agent', text: t('Guest agent not connected'), color: 'grey' });
  if (!labels.length) return null;
  return (
    <span className="vm-network-console-plugin__flags" data-test={`iface-${row.name}-flags`}>
      {labels.map((l) => (
        <span
          key={l.key}
          className={`vm-network-console-plugin__flag vm-network-console-plugin__flag--${l.color}`}
          data-test={`flag-${l.key}`}
        >
          {l.text}
        </span>
      ))}
    </span>
  );
};

export const LinkCell: FC<{ row: InterfaceRow; t: TFunction }> = ({ row, t }) => {
  const desired = { up: t('Up'), down: t('Down'), absent: t('Absent') }[row.link.desired];
  if (!row.link.reported || row.link.reported === row.link.desired) return <>{desired}</>;
  return <>{t('{{desired}} (guest reports {{reported}})', { desired, reported: row.link.reported })}</>;
};
