/**
 * UserDefinedNetwork (namespaced) and ClusterUserDefinedNetwork (cluster) forms and their builders. Validation
 * is in udnValidate.ts.
 */
import type {
  ClusterUserDefinedNetwork,
  IPAMConfig,
  LabelSelector,
  Layer2Config,
  Layer3Config,
  LocalnetConfig,
  UDNRole,
  UDNTopology,
  UserDefinedNetwork,
} from '../../kube/networks';

export type UDNSubnetForm = { cidr: string; hostSubnet?: number };

export type UDNForm = {
  scope: 'namespace' | 'cluster';
  name: string;
  /** UDN only. */
  namespace?: string;
  /** CUDN only (required by the CRD). */
  namespaceSelector?: LabelSelector;
  topology: UDNTopology;
  role: UDNRole;
  /** `hostSubnet` is used by Layer3 only. */
  subnets: UDNSubnetForm[];
  joinSubnets?: string[];
  /** Localnet only. */
  excludeSubnets?: string[];
  ipamMode?: 'Enabled' | 'Disabled';
  persistentIPs?: boolean;
  mtu?: number;
  /** Localnet only. */
  physicalNetworkName?: string;
  /** Localnet only: VLAN access ID. */
  vlan?: number;
};

export const PRIMARY_UDN_LABEL = 'k8s.ovn.org/primary-user-defined-network';

/** Defaults follow the networking console plugin: Layer2, Primary, persistent IPs (for live migration). */
export const emptyUDNForm = (scope: UDNForm['scope']): UDNForm => ({
  scope,
  name: '',
  ...(scope === 'namespace' ? { namespace: '' } : { namespaceSelector: { matchLabels: {} } }),
  topology: 'Layer2',
  role: 'Primary',
  subnets: [{ cidr: '' }],
  persistentIPs: true,
});

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

const ipamOf = (form: UDNForm): IPAMConfig | undefined => {
  const ipam: IPAMConfig = {
    ...(form.ipamMode ? { mode: form.ipamMode } : {}),
    ...(form.persistentIPs && form.ipamMode !== 'Disabled' ? { lifecycle: 'Persistent' as const } : {}),
  };
  // The CRD's ipam has minProperties: 1, so an empty object is left out.
  return Object.keys(ipam).length ? ipam : undefined;
};

export const cidrs = (form: UDNForm): string[] => form.subnets.map((s) => s.cidr.trim());

const layerConfig = (
  form: UDNForm,
): { layer2?: Layer2Config; layer3?: Layer3Config; localnet?: LocalnetConfig } => {
  const mtu = form.mtu !== undefined ? { mtu: form.mtu } : {};
  const ipam = ipamOf(form);
  if (form.topology === 'Layer3') {
    const subnets = form.subnets.map((s) => ({
      cidr: s.cidr.trim(),
      ...(s.hostSubnet !== undefined ? { hostSubnet: s.hostSubnet } : {}),
    }));
    const join = nonEmpty(form.joinSubnets);
    return { layer3: { role: form.role, subnets, ...mtu, ...(join ? { joinSubnets: join } : {}) } };
  }
  const subnets = form.ipamMode === 'Disabled' ? undefined : nonEmpty(cidrs(form));
  if (form.topology === 'Localnet') {
    const exclude = subnets ? nonEmpty(form.excludeSubnets) : undefined;
    const localnet: LocalnetConfig = {
      role: 'Secondary',
      physicalNetworkName: (form.physicalNetworkName ?? '').trim(),
      ...(subnets ? { subnets } : {}),
      ...(exclude ? { excludeSubnets: exclude } : {}),
      ...mtu,
      ...(ipam ? { ipam } : {}),
      ...(form.vlan !== undefined ? { vlan: { mode: 'Access' as const, access: { id: form.vlan } } } : {}),
    };
    return { localnet };
  }
  const join = form.role === 'Primary' ? nonEmpty(form.joinSubnets) : undefined;
  return {
    layer2: {
      role: form.role,
      ...(subnets ? { subnets } : {}),
      ...(join ? { joinSubnets: join } : {}),
      ...mtu,
      ...(ipam ? { ipam } : {}),
    },
  };
};

export const buildUDNManifest = (form: UDNForm): UserDefinedNetwork => ({
  apiVersion: 'k8s.ovn.org/v1',
  kind: 'UserDefinedNetwork',
  metadata: { name: form.name.trim(), namespace: (form.namespace ?? '').trim() },
  spec: { topology: form.topology === 'Layer3' ? 'Layer3' : 'Layer2', ...layerConfig(form) },
});

export const buildCUDNManifest = (form: UDNForm): ClusterUserDefinedNetwork => ({
  apiVersion: 'k8s.ovn.org/v1',
  kind: 'ClusterUserDefinedNetwork',
  metadata: { name: form.name.trim() },
  spec: {
    namespaceSelector: form.namespaceSelector ?? {},
    network: { topology: form.topology, ...layerConfig(form) },
  },
});
