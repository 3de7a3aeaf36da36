import type { FC } from 'react';
import type { ClusterContext } from '../../domain/manifests/shared/context';
import type { NetworkKind } from '../../domain/manifests/shared/kinds';
import type { UDNRole } from '../../domain/kube/networks';
import { NADWizard } from './NADWizard';
import { NNCPWizard } from './NNCPWizard';
import { SriovNetworkWizard } from './SriovNetworkWizard';
import { SriovPolicyWizard } from './SriovPolicyWizard';
import { UDNWizard } from './UDNWizard';

/** The wizard of one kind; the page remounts it (key) when the kind changes, so each starts empty. */
export const KindWizard: FC<{ kind: NetworkKind; ctx: ClusterContext; role?: UDNRole }> = ({
  kind,
  ctx,
  role,
}) => {
  switch (kind) {
    case 'nad-layer2':
      return <NADWizard type="layer2" ctx={ctx} />;
    case 'nad-localnet':
      return <NADWizard type="localnet" ctx={ctx} />;
    case 'nad-bridge':
      return <NADWizard type="bridge" ctx={ctx} />;
    case 'udn-layer2':
      return <UDNWizard scope="namespace" topology="Layer2" ctx={ctx} role={role} />;
    case 'udn-layer3':
      return <UDNWizard scope="namespace" topology="Layer3" ctx={ctx} />;
    case 'cudn-layer2':
      return <UDNWizard scope="cluster" topology="Layer2" ctx={ctx} role={role} />;
    case 'cudn-layer3':
      return <UDNWizard scope="cluster" topology="Layer3" ctx={ctx} />;
    case 'cudn-localnet':
      return <UDNWizard scope="cluster" topology="Localnet" ctx={ctx} />;
    case 'nncp':
      return <NNCPWizard ctx={ctx} />;
    case 'sriov-policy':
      return <SriovPolicyWizard ctx={ctx} />;
    case 'sriov-network':
      return <SriovNetworkWizard ctx={ctx} />;
  }
};
