/** What the colours, shapes and lines of the topology graph mean. */
import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import { FLAVOR_COLOR, FLAVORS } from './style';
import type { TopologyText } from './useTopologyText';

export const TopologyLegend: FC<{ text: TopologyText }> = ({ text }) => {
  const { t } = useTranslation(NS);
  return (
    <div
      className="vm-network-topology__legend"
      data-test="topology-legend"
      aria-label={t('Legend')}
      role="group"
    >
      {FLAVORS.map((f) => (
        <span key={f}>
          <span
            className="vm-network-topology__swatch"
            style={{
              backgroundColor: `var(--pf-t--global--color--nonstatus--${FLAVOR_COLOR[f][0]}--default)`,
            }}
          />
          {text.flavor(f)}
        </span>
      ))}
      <span>
        <span className="vm-network-topology__line vm-network-topology__line--isolated" />
        {t('Namespace isolated by a primary network')}
      </span>
      <span>
        <span className="vm-network-topology__line vm-network-topology__line--pending" />
        {t('Pending hot-plug or unplug')}
      </span>
      <span>
        <span className="vm-network-topology__line vm-network-topology__line--error" />
        {t('Problem (hover or select for the reason)')}
      </span>
      <span>
        {t(
          'Shapes: ● VM, ◆ Linux bridge, ⬡ OVS bridge, ⯃ bond, ▲ VLAN, ■ NIC, ★ SR-IOV PF, tag: bridge mapping; double border: the same bridge or mapping on several nodes',
        )}
      </span>
    </div>
  );
};
