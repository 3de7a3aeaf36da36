/** A NAD manifest → its form, with the map from form fields back to manifest paths. */
import type { CNIConfig } from '../../kube/networks';
import { err, warn } from '../shared/check';
import { type NADForm, OVN_CNI } from './nad';
import { validateOvnNetConf } from './ovnNetConf';
import { type FieldTable, META_RENAMES, pathOfField } from '../shared/fieldPaths';
import { type Adapted, ManifestReader, isObject } from '../shared/reader';

/**
 * Form fields of a NAD live inside the JSON string; the path names the CNI key under spec.config (a server
 * refusal can only name spec.config itself, so only name, namespace and description map back to a field).
 */
export const nadFieldTable = (type: NADForm['type'] | undefined): FieldTable => ({
  renames: [
    ...META_RENAMES,
    { field: 'networkName', path: 'spec.config.name' },
    { field: 'macSpoofChk', path: 'spec.config.macspoofchk' },
    { field: 'vlan', path: type === 'localnet' ? 'spec.config.vlanID' : 'spec.config.vlan' },
  ],
  rest: 'spec.config',
});

const nadPathOf =
  (type: NADForm['type'] | undefined) =>
  (field: string): string =>
    pathOfField(nadFieldTable(type), field) ?? `spec.config.${field}`;

/**
 * mtu, vlanID and vlan are Go `int` fields of the plugins' NetConf (ovn-org/ovn-kubernetes
 * go-controller/pkg/cni/types/types.go; containernetworking/plugins plugins/main/bridge/bridge.go), read with
 * encoding/json: a JSON string there, even "1500", fails the attachment ("cannot unmarshal string into Go struct
 * field"), so only a JSON number is accepted.
 */
const numberField = (
  r: ManifestReader,
  config: CNIConfig,
  key: 'mtu' | 'vlanID' | 'vlan',
): number | undefined => {
  const v = config[key];
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  r.issues.push(err(`spec.config.${key}`, 'not-an-integer'));
  return undefined;
};

const csv = (v: unknown): string[] | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => s.trim()) : undefined;

export const nadFormFromManifest = (obj: unknown): Adapted<NADForm> => {
  const r = new ManifestReader(obj);
  const name = r.string('metadata.name') ?? '';
  const namespace = r.string('metadata.namespace');
  const text = r.string('spec.config');
  // Multus (pkg/k8sclient GetCNIConfig): a NAD without config uses the CNI config file of the same name in
  // its configuration directory on each node, so the config is not required, only unchecked.
  if (text === undefined || text.trim() === '') {
    if (r.get('spec.config') === undefined || text !== undefined)
      r.issues.push(warn('spec.config', 'nad-config-from-file', { name }));
    return { issues: r.issues, pathOf: nadPathOf(undefined) };
  }
  let config: CNIConfig;
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) throw new Error('not a JSON object');
    config = value;
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
  if (cniType === OVN_CNI) r.issues.push(...validateOvnNetConf(config));
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
  if (type === 'bridge' && form.bridge === undefined) form.bridge = '';
  return { form, issues: r.issues, pathOf };
};
