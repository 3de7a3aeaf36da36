/** The SR-IOV policy wizard's DPDK panel: what a VM needs besides the policy to run DPDK on its VF. */
import type { FC } from 'react';
import { Alert, List, ListItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { DPDK_VM_DOCS_URL } from '../../domain/manifests/sriov/dpdk';
import { NS } from '../../i18n/ns';

export const DpdkVmNeeds: FC = () => {
  const { t } = useTranslation(NS);
  return (
    <Alert
      isInline
      isPlain
      variant="info"
      title={t('What a VM then needs for DPDK')}
      data-test="dpdk-vm-needs"
      component="h3"
    >
      <p>
        {t(
          'This policy only prepares the VFs (vfio-pci, no RDMA). Each VM that runs DPDK on one also needs:',
        )}
      </p>
      <List>
        <ListItem>
          {t(
            'Dedicated CPUs: spec.domain.cpu.dedicatedCpuPlacement: true (and isolateEmulatorThread), on nodes whose CPU manager policy is static',
          )}
        </ListItem>
        <ListItem>
          {t(
            'Hugepages: spec.domain.memory.hugepages.pageSize (for example 1Gi), on nodes that have hugepages reserved',
          )}
        </ListItem>
        <ListItem>
          {t('A guest image with DPDK and a driver for the VF (the guest binds it to vfio-pci)')}
        </ListItem>
        <ListItem>
          {t(
            'The KubeVirt SR-IOV binding: an interface with sriov: {} on the network of an SriovNetwork for this resource',
          )}
        </ListItem>
      </List>
      <p>
        <a href={DPDK_VM_DOCS_URL} target="_blank" rel="noopener noreferrer" data-test="dpdk-docs">
          {t('OpenShift Virtualization: using DPDK with SR-IOV')}
        </a>
      </p>
    </Alert>
  );
};
