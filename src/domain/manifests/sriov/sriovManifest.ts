/** SR-IOV policy and network manifests → their forms, with the map from form fields back to manifest paths. */
import { type FieldTable, META_RENAMES, pathOfField } from '../shared/fieldPaths';
import { type Adapted, ManifestReader } from '../shared/reader';
import type { SriovNetworkForm, SriovPolicyForm } from './sriov';

/**
 * SriovNetwork and SriovNetworkNodePolicy fields have the form's names under `spec` (numVfs → spec.numVfs); the
 * NIC selector's lists are edited whole.
 */
export const SRIOV_FIELD_TABLE: FieldTable = {
  renames: [
    ...META_RENAMES,
    ...['vendor', 'deviceID', 'pfNames', 'rootDevices', 'netFilter'].map((k) => ({
      field: `nicSelector.${k}`,
      path: `spec.nicSelector.${k}`,
      leaf: true,
    })),
  ],
  rest: 'spec',
  restDepth: 1,
};

const specPathOf = (field: string): string => pathOfField(SRIOV_FIELD_TABLE, field) ?? `spec.${field}`;

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
    ...(r.bool('spec.needVhostNet') ? { needVhostNet: true } : {}),
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
