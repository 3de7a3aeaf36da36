/**
 * Static IPs for secondary interfaces, written as cloud-init networkData (netplan-style "network config
 * version 2", https://cloudinit.readthedocs.io/en/latest/reference/network-config-format-v2.html) in the VM's
 * cloudInitNoCloud / cloudInitConfigDrive volume. Pure: strings in, strings or issue codes out.
 */
import { isMap, parseDocument } from 'yaml';
import type { VM, Volume } from '../kube/vm';
import { specInterfaces, specVolumes } from '../kube/vm';

export type CloudInitKey = 'cloudInitNoCloud' | 'cloudInitConfigDrive';

export type NetworkDataTarget =
  | { kind: 'inline'; volumeIndex: number; key: CloudInitKey; networkData?: string }
  /** networkData lives in a Secret or base64: we do not rewrite what we cannot show the user. */
  | { kind: 'unmanaged'; volumeIndex: number; key: CloudInitKey }
  | { kind: 'none' };

export const networkDataTarget = (vm: VM): NetworkDataTarget => {
  const volumes: Volume[] = specVolumes(vm);
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i];
    const key: CloudInitKey | undefined = v?.cloudInitNoCloud
      ? 'cloudInitNoCloud'
      : v?.cloudInitConfigDrive
        ? 'cloudInitConfigDrive'
        : undefined;
    const src = key ? v?.[key] : undefined;
    if (!key || !src) continue;
    if (src.networkDataBase64 || src.networkDataSecretRef) return { kind: 'unmanaged', volumeIndex: i, key };
    return src.networkData === undefined
      ? { kind: 'inline', volumeIndex: i, key }
      : { kind: 'inline', volumeIndex: i, key, networkData: src.networkData };
  }
  return { kind: 'none' };
};

export type StaticIpEntry = {
  /** Key in `ethernets`: the interface name (with `match`) or the guest name (without). */
  id: string;
  mac?: string;
  cidr: string;
};

export type NetworkDataResult =
  { text: string } | { error: 'network-data-invalid' | 'network-data-v1' | 'network-data-taken' };

type Json = Record<string, unknown>;

const ethernetOf = (e: StaticIpEntry): Json =>
  e.mac ? { match: { macaddress: e.mac }, addresses: [e.cidr] } : { addresses: [e.cidr] };

/**
 * With no networkData, cloud-init DHCPs the first NIC by itself; once we provide networkData that fallback is
 * gone, so the first interface gets an explicit DHCP entry (matched by MAC when the spec pins one).
 */
const primaryEntry = (vm: VM): [string, Json] => {
  const first = specInterfaces(vm)[0];
  const mac = first?.macAddress?.toLowerCase().replace(/-/g, ':');
  const dhcp = { dhcp4: true, dhcp6: true };
  return mac ? [first?.name ?? 'eth0', { match: { macaddress: mac }, ...dhcp }] : ['eth0', dhcp];
};

/**
 * networkData with a static address for `entry` added (or, with `replace`, overwritten: editing a NIC);
 * other entries and comments are kept.
 */
export const withStaticIp = (
  vm: VM,
  networkData: string | undefined,
  entry: StaticIpEntry,
  replace = false,
): NetworkDataResult => {
  if (!networkData?.trim()) {
    const [id, primary] = primaryEntry(vm);
    const doc = parseDocument('version: 2\n');
    doc.setIn(['ethernets', id], primary);
    doc.setIn(['ethernets', entry.id], ethernetOf(entry));
    return { text: doc.toString() };
  }
  const doc = parseDocument(networkData);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { error: 'network-data-invalid' };
  // Both the bare form and the `network:` wrapper are accepted by cloud-init.
  const root: string[] = doc.has('network') ? ['network'] : [];
  const version: unknown = doc.getIn([...root, 'version']);
  if (version !== 2 && version !== '2') return { error: 'network-data-v1' };
  if (!replace && doc.hasIn([...root, 'ethernets', entry.id])) return { error: 'network-data-taken' };
  doc.setIn([...root, 'ethernets', entry.id], ethernetOf(entry));
  return { text: doc.toString() };
};

/** networkData without the entry for `id` (undefined when there was none: nothing to change). */
export const withoutStaticIp = (networkData: string | undefined, id: string): string | undefined => {
  if (!networkData?.trim()) return undefined;
  const doc = parseDocument(networkData);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const root: string[] = doc.has('network') ? ['network'] : [];
  if (!doc.hasIn([...root, 'ethernets', id])) return undefined;
  doc.deleteIn([...root, 'ethernets', id]);
  return doc.toString();
};
