/** NAD and SR-IOV manifests → their forms, with the map from form fields back to manifest paths. */
import type { CNIConfig } from '../kube/networks';
import { err, warn } from './check';
import { type NADForm, OVN_CNI } from './nad';
import { type Adapted, ManifestReader, isObject } from './reader';
import type { SriovNetworkForm, SriovPolicyForm } from './sriov';

const metaPath = (field: string): string | undefined =>
  field === 'name' || field === 'namespace'
    ? `metadata.${field}`
    : field === 'description'
      ? 'metadata.annotations.description'
      : undefined;

/** Form fields of a NAD live inside the JSON string; the path names the CNI key under spec.config. */
const nadPathOf =
  (type: NADForm['type'] | undefined) =>
  (field: string): string => {
    const meta = metaPath(field);
    if (meta) return meta;
    const key = field
      .replace(/^networkName/, 'name')
      .replace(/^macSpoofChk/, 'macspoofchk')
      .replace(/^vlan$/, type === 'localnet' ? 'vlanID' : 'vlan');
    return `spec.config.${key}`;
  };

/** OVN-K accepts numbers or numeric strings for mtu and vlanID (the docs show both). */
const numberField = (
  r: ManifestReader,
  config: CNIConfig,
  key: 'mtu' | 'vlanID' | 'vlan',
): number | undefined => {
  const v = config[key];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n === 'number' && Number.isInteger(n)) return n;
  r.issues.push(err(`spec.config.${key}`, 'not-an-integer'));
  return undefined;
};

const csv = (v: unknown): string[] | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => s.trim()) : undefined;

export const nadFormFromManifest = (obj: unknown): Adapted<NADForm> => {
  const r = new ManifestReader(obj);
  const name = r.string('metadata.name') ?? '';
  const namespace = r.string('metadata.namespace');
  r.require('spec.config');
  const text = r.string('spec.config');
  if (text === undefined) return { issues: r.issues, pathOf: nadPathOf(undefined) };
  let config: CNIConfig;
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) throw new Error('not a JSON object');
    config = value as CNIConfig;
  } catch (e) {
    r.issues.push(
      err('spec.config', 'nad-config-json', { message: e instanceof Error ? e.message : String(e) }),
    );
    return { issues: r.issues, pathOf: nadPathOf(undefined) };
  }
  const cniType = typeof config.type === 'string' ? config.type : '';
  const topology = config.topology;
  const type: NADForm['type'] | undefined =
    cniType === 'bridge' || cniType === 'cnv-bridge'
      ? 'bridge'
      : cniType === OVN_CNI && (topology === 'layer2' || topology === 'localnet')
        ? topology
        : undefined;
  const pathOf = nadPathOf(type);
  // Primary-role NADs are generated from UDNs; other CNI types (sriov, macvlan…) are passed through unchecked.
  if (!type || config.role === 'primary') {
    r.issues.push(
      warn('spec.config.type', 'nad-type-unchecked', {
        type: `${cniType}${topology ? ` ${String(topology)}` : ''}`,
      }),
    );
    return { issues: r.issues, pathOf };
  }
  const expected = `${namespace ?? ''}/${name}`;
  if (type !== 'bridge' && namespace !== undefined && config.netAttachDefName !== expected) {
    r.issues.push(err('spec.config.netAttachDefName', 'nad-netattachdefname', { expected }));
  }
  const mtu = numberField(r, config, 'mtu');
  const vlan = numberField(r, config, type === 'localnet' ? 'vlanID' : 'vlan');
  const subnets = csv(config.subnets);
  const excludes = csv(config.excludeSubnets);
  const form: NADForm = {
    name,
    // A manifest without a namespace is applied to the current one (validateManifest drops 'required').
    namespace: namespace ?? '',
    type,
    ...(typeof config.name === 'string' ? { networkName: config.name } : {}),
    ...(subnets ? { subnets } : {}),
    ...(excludes ? { excludeSubnets: excludes } : {}),
    ...(mtu !== undefined ? { mtu } : {}),
    ...(vlan !== undefined ? { vlan } : {}),
    ...(config.allowPersistentIPs === true ? { allowPersistentIPs: true } : {}),
    ...(typeof config.physicalNetworkName === 'string'
      ? { physicalNetworkName: config.physicalNetworkName }
      : {}),
    ...(typeof config.bridge === 'string' ? { bridge: config.bridge } : {}),
    ...(typeof config.macspoofchk === 'boolean' ? { macSpoofChk: config.macspoofchk } : {}),
  };
  if (type === 'localnet' && form.physicalNetworkName === undefined) form.physicalNetworkName = '';
  if (type === 'bridge' && form.bridge === undefined) form.bridge = '';
  return { form, issues: r.issues, pathOf };
};

const specPathOf = (field: string): string => metaPath(field) ?? `spec.${field}`;

/** Spreads `{ key: v }` only when v is defined (exactOptionalPropertyTypes-friendly). */
const opt = <T>(key: string, v: T | undefined): Record<string, T> => (v !== undefined ? { [key]: v } : {});

export const sriovPolicyFormFromManifest = (obj: unknown): Adapted<SriovPolicyForm> => {
  const r = new ManifestReader(obj);
  ['spec.resourceName', 'spec.nodeSelector', 'spec.numVfs', 'spec.nicSelector'].forEach((p) => r.require(p));
  const nic = 'spec.nicSelector';
  const linkType = r.oneOf('spec.linkType', ['eth', 'ETH', 'ib', 'IB'] as const);
  const form: SriovPolicyForm = {
    name: r.string('metadata.name') ?? '',
    namespace: r.string('metadata.namespace') ?? '',
    resourceName: r.string('spec.resourceName') ?? '',
    nodeSelector: r.stringMap('spec.nodeSelector') ?? {},
    numVfs: r.int('spec.numVfs') ?? 0,
    nicSelector: {
      ...opt('vendor', r.string(`${nic}.vendor`)),
      ...opt('deviceID', r.string(`${nic}.deviceID`)),
      ...opt('pfNames', r.strings(`${nic}.pfNames`)),
      ...opt('rootDevices', r.strings(`${nic}.rootDevices`)),
      ...opt('netFilter', r.string(`${nic}.netFilter`)),
    },
    // CRD default: netdevice.
    deviceType: r.oneOf('spec.deviceType', ['netdevice', 'vfio-pci'] as const) ?? 'netdevice',
    ...opt('priority', r.int('spec.priority')),
    ...opt('mtu', r.int('spec.mtu')),
    ...(r.bool('spec.isRdma') ? { isRdma: true } : {}),
    ...(linkType ? { linkType: linkType.toLowerCase() as 'eth' | 'ib' } : {}),
  };
  return { form, issues: r.issues, pathOf: specPathOf };
};

export const sriovNetworkFormFromManifest = (obj: unknown): Adapted<SriovNetworkForm> => {
  const r = new ManifestReader(obj);
  r.require('spec.resourceName');
  const onOff = ['on', 'off'] as const;
  const form: SriovNetworkForm = {
    name: r.string('metadata.name') ?? '',
    namespace: r.string('metadata.namespace') ?? '',
    resourceName: r.string('spec.resourceName') ?? '',
    networkNamespace: r.string('spec.networkNamespace') ?? '',
    ipam: r.string('spec.ipam') ?? '',
    ...opt('vlan', r.int('spec.vlan')),
    ...opt('vlanQoS', r.int('spec.vlanQoS')),
    ...opt('spoofChk', r.oneOf('spec.spoofChk', onOff)),
    ...opt('trust', r.oneOf('spec.trust', onOff)),
    ...opt('linkState', r.oneOf('spec.linkState', ['auto', 'enable', 'disable'] as const)),
    ...opt('maxTxRate', r.int('spec.maxTxRate')),
    ...opt('minTxRate', r.int('spec.minTxRate')),
  };
  return { form, issues: r.issues, pathOf: specPathOf };
};
