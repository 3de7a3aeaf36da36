/**
 * The network part of a VirtualMachine: interfaces and networks pair up by name, each binding suits its network
 * (KubeVirt admission: masquerade/passt only on the pod network, SR-IOV only on an SR-IOV NAD), MACs are valid
 * unicast MAC-48, and only interfaces KubeVirt can hot-unplug carry `state: absent` (interfaces/hotplug.ts).
 */
import type { FieldIssue } from '../../issues';
import type { NetworkAttachmentDefinition } from '../../kube/networks';
import type { VM, VMInterface, VMNetwork } from '../../kube/vm';
import { bindingKeysOf, parseNadRef } from '../../kube/vm';
import { duplicateIndexes, err, warn } from '../shared/check';
import {
  bootOrderIssues,
  draIssues,
  interfaceFieldIssues,
  podPortIssues,
  probeIssues,
} from './admitterRules';
import { parseCniConfig } from '../../kube/networks';
import { canHotUnplug } from '../../interfaces/hotplug';
import { isMulticastMac, parseMac as parseMac48 } from '../../interfaces/mac';

/** What we know about a NAD a VM references (from the same files or the cluster). */
export type NadInfo = { cniType?: string; topology?: string };

/** `namespace/name` → NAD facts, for VM binding checks. NADs with unparsable config are left out. */
export const nadIndex = (nads: readonly NetworkAttachmentDefinition[]): Map<string, NadInfo> =>
  new Map(
    nads.flatMap((nad) => {
      const config = parseCniConfig(nad);
      if (!config) return [];
      const type = typeof config.type === 'string' ? config.type : undefined;
      const topology = typeof config.topology === 'string' ? config.topology : undefined;
      return [[`${nad.metadata.namespace ?? ''}/${nad.metadata.name}`, { cniType: type, topology }] as const];
    }),
  );

/** `name` or `namespace/name` (KubeVirt networkName), resolved against the VM namespace. */
export const resolveNetworkName = (networkName: string, vmNamespace: string | undefined): string => {
  const ref = parseNadRef(networkName, vmNamespace ?? '');
  return `${ref.namespace}/${ref.name}`;
};

// Multus parsePodNetworkObjectName (pkg/k8sclient/k8sclient.go): namespace and name each match the DNS-1123
// label pattern; Multus checks no length (a NAD name is an object name, up to 253 characters).
const ATTACHMENT_PART = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const isValidNetworkName = (networkName: string): boolean => {
  const parts = networkName.split('/');
  return parts.length <= 2 && parts.every((p) => ATTACHMENT_PART.test(p));
};

/** Canonical `xx:xx:xx:xx:xx:xx` of a MAC-48, or undefined when it is not one (interfaces/mac.ts parses). */
export const parseMac = (mac: string): string | undefined => {
  const parsed = parseMac48(mac);
  return 'mac' in parsed ? parsed.mac : undefined;
};

export const validateMac = (field: string, mac: string): FieldIssue[] => {
  // parseMac trims (the form's input is trimmed before it is sent); a manifest's value reaches KubeVirt's
  // net.ParseMAC as written, and a space around it is refused there.
  if (mac !== mac.trim()) return [err(field, 'surrounding-space')];
  const parsed = parseMac48(mac);
  if ('error' in parsed) return [err(field, parsed.error)];
  if (isMulticastMac(parsed.mac)) return [err(field, 'mac-multicast')];
  // KubeVirt accepts it; the guest kernel refuses an all-zero address and picks a random one.
  return parsed.mac === '00:00:00:00:00:00' ? [warn(field, 'mac-zero')] : [];
};

const networkLabel = (net: VMNetwork): string =>
  net.pod ? 'the pod network' : `NAD ${net.multus?.networkName ?? ''}`;

const bindingIssues = (
  iface: VMInterface,
  i: number,
  net: VMNetwork | undefined,
  nad: NadInfo | undefined,
): FieldIssue[] => {
  // pkg/network/admitter/binding.go countInterfaceBindings: exactly one of the binding methods or a binding
  // plugin; the discontinued keys (slirp, passt, macvtap) do not count (admitterRules.ts reports them).
  const bindings = bindingKeysOf(iface).filter((b) => b !== 'slirp' && b !== 'passt' && b !== 'macvtap');
  const field = `interfaces[${i}]`;
  if (bindings.length !== 1)
    return [err(field, 'vm-binding-count', { found: bindings.length ? bindings.join(', ') : 'none' })];
  const binding = bindings[0];
  if (!net || !binding) return [];
  const podLike = net.pod !== undefined || net.multus?.default === true;
  const sriovNad = nad?.cniType === 'sriov';
  // binding.go / passt.go: masquerade and passtBinding need `pod` itself (a multus default network is refused).
  const bad =
    (podLike && binding === 'sriov') ||
    (net.pod === undefined && (binding === 'masquerade' || binding === 'passtBinding')) ||
    (sriovNad && binding !== 'sriov') ||
    (nad !== undefined && !sriovNad && binding === 'sriov');
  return bad ? [err(field, 'vm-binding-network', { binding, network: networkLabel(net) })] : [];
};

const stateIssues = (iface: VMInterface, i: number, net: VMNetwork | undefined): FieldIssue[] => {
  const state: unknown = iface.state;
  const field = `interfaces[${i}].state`;
  if (state === undefined || state === '') return [];
  if (state !== 'up' && state !== 'down' && state !== 'absent') return [err(field, 'vm-link-state')];
  // The one hot-unplug rule (interfaces/hotplug.ts): bridge binding, off the default network.
  if (state === 'absent' && !canHotUnplug(iface, net)) return [err(field, 'vm-absent-binding')];
  // pkg/network/admitter/admit.go validateInterfaceStateValue: no up/down on an SR-IOV NIC (its link state
  // cannot be set through the domain).
  return iface.sriov !== undefined && state !== 'absent' ? [err(field, 'vm-link-state-sriov')] : [];
};

const networkIssues = (
  networks: readonly VMNetwork[],
  vmNamespace: string | undefined,
  nads: Map<string, NadInfo>,
): FieldIssue[] => {
  const podLike = networks.flatMap((n, i) => (n.pod !== undefined || n.multus?.default === true ? [i] : []));
  const overlayUse = new Map<string, number>();
  return [
    ...podLike.slice(1).map((i) => err(`networks[${i}]`, 'vm-pod-network-twice')),
    ...networks.flatMap((n, i) => {
      const sources = [n.pod, n.multus, (n as { resourceClaim?: unknown }).resourceClaim].filter(
        (s) => s !== undefined,
      );
      if (sources.length !== 1) return [err(`networks[${i}]`, 'vm-network-source')];
      if (n.multus === undefined) return [];
      const name: unknown = (n.multus as { networkName?: unknown }).networkName;
      // netsource.go validateMultusNetworkSource: "CNI delegating plugin must have a networkName".
      if (name === undefined || name === '') return [err(`networks[${i}].multus.networkName`, 'required')];
      if (typeof name !== 'string') return [err(`networks[${i}].multus.networkName`, 'not-a-string')];
      if (!isValidNetworkName(name)) return [err(`networks[${i}].multus.networkName`, 'vm-network-name')];
      const key = resolveNetworkName(name, vmNamespace);
      if (nads.get(key)?.cniType !== 'ovn-k8s-cni-overlay') return [];
      const earlier = overlayUse.get(key);
      overlayUse.set(key, earlier ?? i);
      // kubevirt-plugin #3355: one attachment per OVN-K overlay NAD per VM.
      return earlier === undefined
        ? []
        : [
            err(`networks[${i}].multus.networkName`, 'vm-nad-overlay-twice', {
              other: `networks[${earlier}]`,
            }),
          ];
    }),
  ];
};

/** All issues of a VM's interfaces and networks; fields: 'interfaces[0].macAddress', 'networks[1].name'… */
export const validateVMNetworks = (vm: VM, nads: Map<string, NadInfo> = new Map()): FieldIssue[] => {
  const spec = vm.spec?.template?.spec;
  const interfaces = spec?.domain?.devices?.interfaces ?? [];
  const networks = spec?.networks ?? [];
  const ns = vm.metadata?.namespace;
  const netByName = new Map(networks.map((n) => [n.name, n]));
  const ifaceNames = new Set(interfaces.map((i) => i.name));
  const macs = interfaces.map((i) => (typeof i.macAddress === 'string' ? parseMac(i.macAddress) : undefined));
  const devices = spec?.domain?.devices ?? {};
  const disks = Array.isArray(devices.disks) ? (devices.disks as unknown[]) : [];
  return [
    ...bootOrderIssues(interfaces, disks),
    ...probeIssues(
      spec ?? {},
      networks.some((n) => n.pod !== undefined),
    ),
    ...draIssues(spec ?? {}, interfaces),
    ...duplicateIndexes(interfaces, (i) => i.name).map((i) =>
      err(`interfaces[${i}].name`, 'vm-duplicate-name', { name: interfaces[i]?.name ?? '' }),
    ),
    ...duplicateIndexes(networks, (n) => n.name).map((i) =>
      err(`networks[${i}].name`, 'vm-duplicate-name', { name: networks[i]?.name ?? '' }),
    ),
    ...interfaces.flatMap((iface, i) => {
      const net = netByName.get(iface.name);
      const info =
        typeof net?.multus?.networkName === 'string'
          ? nads.get(resolveNetworkName(net.multus.networkName, ns))
          : undefined;
      const mac = macs[i];
      const dup = mac ? macs.findIndex((m) => m === mac) : -1;
      return [
        ...(net ? [] : [err(`interfaces[${i}].name`, 'vm-iface-no-network', { name: iface.name })]),
        ...bindingIssues(iface, i, net, info),
        ...interfaceFieldIssues(iface, i),
        ...podPortIssues(iface, i, net?.pod !== undefined),
        ...stateIssues(iface, i, net),
        ...(typeof iface.macAddress === 'string' && iface.macAddress !== ''
          ? validateMac(`interfaces[${i}].macAddress`, iface.macAddress)
          : []),
        ...(dup >= 0 && dup < i
          ? [err(`interfaces[${i}].macAddress`, 'mac-duplicate', { other: `interfaces[${dup}]` })]
          : []),
      ];
    }),
    ...networks.flatMap((n, i) =>
      ifaceNames.has(n.name) ? [] : [err(`networks[${i}].name`, 'vm-network-no-iface', { name: n.name })],
    ),
    ...networkIssues(networks, ns, nads),
  ];
};
