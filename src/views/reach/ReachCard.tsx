/**
 * "Reach this VM" on the VM's Network interfaces tab: the Services that select it (and exposing it as one), how
 * to SSH to it, its DNS names, and its service mesh sidecar. Domain rules live in domain/reach/; this card reads the cluster and wires the forms.
 */
import { useEffect, useMemo, useRef, useState, type FC } from 'react';
import { useLocation } from 'react-router';
import { Card, CardBody, CardHeader, CardTitle, Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import type { VM, VMI } from '../../domain/kube/vm';
import { chooseSelector } from '../../domain/reach/selector';
import { servicesSelecting } from '../../domain/reach/service';
import { NS } from '../../i18n/ns';
import { ServicesSection } from './ServicesSection';
import { SshSection } from './SshSection';
import { FqdnSection } from './FqdnSection';
import { MeshSection } from './MeshSection';
import { useReachData } from './useReachData';
import { REACH_TABS, type ReachTab } from '../vm-interfaces/links';

/** `?reach=ssh` (the VM networks page's row actions): the card opens on that tab, scrolled into view. */
const useAskedTab = (): ReachTab | undefined => {
  const asked = new URLSearchParams(useLocation().search).get('reach');
  return REACH_TABS.find((tab) => tab === asked);
};

export const ReachCard: FC<{
  vm: VM;
  vms: readonly VM[];
  vmis: readonly VMI[];
  /** This VM's interface rows. */
  rows: InterfaceRow[];
}> = ({ vm, vms, vmis, rows }) => {
  const { t } = useTranslation(NS);
  const namespace = vm.metadata.namespace ?? '';
  const data = useReachData(namespace);
  const asked = useAskedTab();
  const [tab, setTab] = useState<string | number>(asked ?? 'services');
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!asked) return;
    setTab(asked);
    cardRef.current?.scrollIntoView({ block: 'start' });
    // PatternFly puts the tab's data-test on its button or on the item around it.
    const tabEl = cardRef.current?.querySelector<HTMLElement>(`[data-test="reach-tab-${asked}"]`);
    (tabEl?.matches('button') ? tabEl : tabEl?.querySelector<HTMLElement>('button'))?.focus();
  }, [asked]);
  const vmiOf = (v: VM) =>
    vmis.find((i) => i.metadata.name === v.metadata.name && i.metadata.namespace === v.metadata.namespace);
  const vmi = vmiOf(vm);
  const choice = useMemo(
    () =>
      chooseSelector(
        { vm, vmi },
        vms.map((v) => ({ vm: v, vmi: vmiOf(v) })),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- vmiOf reads vmis
    [vm, vmi, vms, vmis],
  );
  const selecting = useMemo(() => servicesSelecting(data.services, vm, vmi), [data.services, vm, vmi]);
  const onPrimaryUdn = rows.some((r) => r.network?.kind === 'primary-udn');
  return (
    <Card className="pf-v6-u-mb-lg" data-test="reach-card" ref={cardRef}>
      <CardHeader>
        <CardTitle component="h2">{t('Reach this VM')}</CardTitle>
      </CardHeader>
      <CardBody>
        <Tabs activeKey={tab} onSelect={(_e, k) => setTab(k)} aria-label={t('Reach this VM')} mountOnEnter>
          <Tab
            eventKey="services"
            title={<TabTitleText>{t('Services')}</TabTitleText>}
            data-test="reach-tab-services"
          >
            <div className="pf-v6-u-mt-md">
              <ServicesSection
                vm={vm}
                selecting={selecting}
                choice={choice}
                data={data}
                onPrimaryUdn={onPrimaryUdn}
              />
            </div>
          </Tab>
          <Tab eventKey="ssh" title={<TabTitleText>{t('SSH')}</TabTitleText>} data-test="reach-tab-ssh">
            <div className="pf-v6-u-mt-md">
              <SshSection
                vm={vm}
                running={vmi?.status?.phase === 'Running'}
                vmi={vmi}
                rows={rows}
                selecting={selecting}
                choice={choice}
                data={data}
              />
            </div>
          </Tab>
          <Tab eventKey="dns" title={<TabTitleText>{t('DNS names')}</TabTitleText>} data-test="reach-tab-dns">
            <div className="pf-v6-u-mt-md">
              <FqdnSection vm={vm} selecting={selecting} choice={choice} />
            </div>
          </Tab>
          <Tab
            eventKey="mesh"
            title={<TabTitleText>{t('Service mesh')}</TabTitleText>}
            data-test="reach-tab-mesh"
          >
            <div className="pf-v6-u-mt-md">
              <MeshSection vm={vm} />
            </div>
          </Tab>
        </Tabs>
      </CardBody>
    </Card>
  );
};
