/**
 * What OVN-Kubernetes itself refuses in an `ovn-k8s-cni-overlay` CNI config, beyond the NAD CRD (which sees one
 * opaque string). Learned from ovn-org/ovn-kubernetes go-controller/pkg/util/multi_network.go (ValidateNetConf,
 * NewNetInfo), go-controller/pkg/config/cni.go (ValidateNetConfNameFields) and go-controller/pkg/cni/types/types.go
 * (NetConf); written here, not copied. Paths are manifest
 * paths under spec.config.
 */
import type { FieldIssue } from '../../issues';
import type { CNIConfig } from '../../kube/networks';
import { err } from '../shared/check';
import { isObject } from '../shared/reader';

const TOPOLOGIES = ['layer3', 'layer2', 'localnet'];
const ROLES = ['primary', 'secondary'];

export const validateOvnNetConf = (config: CNIConfig): FieldIssue[] => {
  const c = config as Record<string, unknown>;
  const topology = c.topology;
  const role = c.role;
  const subnets = typeof c.subnets === 'string' ? c.subnets.trim() : '';
  const ipam = c.ipam;
  return [
    // go-controller/pkg/config/cni.go ValidateNetConfNameFields: a name, not one of the reserved ones.
    ...(typeof c.name === 'string' && !['', 'default', 'ovn-kubernetes'].includes(c.name)
      ? []
      : [err('spec.config.name', 'ovn-name-required')]),
    ...(typeof topology === 'string' && TOPOLOGIES.includes(topology)
      ? []
      : [err('spec.config.topology', 'ovn-topology')]),
    // Role: only primary/secondary; localnet is secondary only.
    ...(role !== undefined && role !== '' && !(typeof role === 'string' && ROLES.includes(role))
      ? [err('spec.config.role', 'ovn-role')]
      : []),
    ...(topology === 'localnet' && typeof role === 'string' && role !== '' && role !== 'secondary'
      ? [err('spec.config.role', 'ovn-localnet-role', { role })]
      : []),
    // The IPAM key: OVN-K has its own IPAM (subnets); a CNI ipam block with a type is refused. `ipam: {}` passes.
    ...(isObject(ipam) && typeof ipam.type === 'string' && ipam.type !== ''
      ? [err('spec.config.ipam', 'ovn-ipam-key')]
      : []),
    ...(c.allowPersistentIPs === true && topology === 'layer3'
      ? [err('spec.config.allowPersistentIPs', 'ovn-persistent-layer3')]
      : []),
    ...(topology === 'localnet' && typeof c.joinSubnet === 'string' && c.joinSubnet !== ''
      ? [err('spec.config.joinSubnet', 'ovn-localnet-join-subnet')]
      : []),
    ...(role === 'primary' && topology === 'layer2' && subnets === ''
      ? [err('spec.config.subnets', 'ovn-primary-needs-subnets')]
      : []),
  ];
};
