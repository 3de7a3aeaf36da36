/** UDN / CUDN manifest → UDNForm, plus the map from form fields back to manifest paths. */
import type { UDNTopology } from '../../kube/networks';
import { err } from '../shared/check';
import { type FieldRename, type FieldTable, META_RENAMES, pathOfField } from '../shared/fieldPaths';
import { type Adapted, ManifestReader, isObject } from '../shared/reader';
import { checkLayer2Extras } from './udnLayer2Extras';
import type { UDNForm, UDNSubnetForm } from './udn';

const LAYERS = { Layer2: 'layer2', Layer3: 'layer3', Localnet: 'localnet' } as const;

/** Where each UDNForm field lives in a UDN (`spec.<layer>`) or CUDN (`spec.network.<layer>`) manifest. */
export const udnFieldTable = (cluster: boolean, topology: UDNTopology | undefined): FieldTable => {
  const base = cluster ? 'spec.network' : 'spec';
  const renames: FieldRename[] = [
    ...META_RENAMES,
    { field: 'namespaceSelector', path: 'spec.namespaceSelector', leaf: true },
    { field: 'topology', path: `${base}.topology` },
  ];
  if (!topology) return { renames };
  const layer = `${base}.${LAYERS[topology]}`;
  renames.push(
    { field: 'ipamMode', path: `${layer}.ipam.mode` },
    { field: 'persistentIPs', path: `${layer}.ipam.lifecycle` },
    { field: 'ipamMode', path: `${layer}.ipam`, alias: true, leaf: true },
    { field: 'vlan', path: `${layer}.vlan.access.id` },
    { field: 'vlan', path: `${layer}.vlan`, alias: true, leaf: true },
  );
  if (topology === 'Layer3')
    renames.push({ field: 'subnets[]', path: `${layer}.subnets[].cidr`, exact: true });
  return { renames, rest: layer };
};

/** Form field → manifest path; without a topology every field points at it (the form cannot be read further). */
export const udnPathOf =
  (cluster: boolean, topology: UDNTopology | undefined) =>
  (field: string): string =>
    pathOfField(udnFieldTable(cluster, topology), field) ?? `${cluster ? 'spec.network' : 'spec'}.topology`;

const readLayer3Subnets = (r: ManifestReader, path: string): UDNSubnetForm[] =>
  (r.list(path) ?? []).flatMap((item, i) => {
    if (!isObject(item)) {
      r.issues.push(err(`${path}[${i}]`, 'not-an-object'));
      return [];
    }
    const cidr = typeof item.cidr === 'string' ? item.cidr : undefined;
    const host = item.hostSubnet;
    if (cidr === undefined) r.issues.push(err(`${path}[${i}].cidr`, 'required'));
    if (host !== undefined && !(typeof host === 'number' && Number.isInteger(host))) {
      r.issues.push(err(`${path}[${i}].hostSubnet`, 'not-an-integer'));
    }
    return [
      {
        cidr: cidr ?? '',
        ...(typeof host === 'number' && Number.isInteger(host) ? { hostSubnet: host } : {}),
      },
    ];
  });

/** Reads a UserDefinedNetwork or ClusterUserDefinedNetwork; unusable values are issues at manifest paths. */
export const udnFormFromManifest = (obj: unknown): Adapted<UDNForm> => {
  const r = new ManifestReader(obj);
  const cluster = r.get('kind') === 'ClusterUserDefinedNetwork';
  const base = cluster ? 'spec.network' : 'spec';
  const topologies: UDNTopology[] = cluster ? ['Layer2', 'Layer3', 'Localnet'] : ['Layer2', 'Layer3'];
  r.require(`${base}.topology`);
  const topology = r.oneOf(`${base}.topology`, topologies);
  const pathOf = udnPathOf(cluster, topology);
  if (!topology) return { issues: r.issues, pathOf };
  const lp = `${base}.${LAYERS[topology]}`;
  // CEL: "spec.<layer> is required when topology is <T> and forbidden otherwise".
  Object.entries(LAYERS).forEach(([t, key]) => {
    const present = r.get(`${base}.${key}`) !== undefined;
    if (t === topology && !present) r.issues.push(err(`${base}.${key}`, 'required'));
    if (t !== topology && present)
      r.issues.push(err(`${base}.${key}`, 'field-not-allowed', { reason: `topology is ${topology}` }));
  });
  if (!isObject(r.get(lp))) return { issues: r.issues, pathOf };
  r.require(`${lp}.role`);
  const role = r.oneOf(`${lp}.role`, ['Primary', 'Secondary'] as const);
  // Most rules depend on the role; without a valid one, report only what was read.
  if (!role) return { issues: r.issues, pathOf };
  const ipam = r.get(`${lp}.ipam`);
  if (isObject(ipam) && Object.keys(ipam).length === 0) {
    r.issues.push(err(`${lp}.ipam`, 'field-not-allowed', { reason: 'ipam must set mode or lifecycle' }));
  }
  const ipamMode = r.oneOf(`${lp}.ipam.mode`, ['Enabled', 'Disabled'] as const);
  const lifecycle = r.oneOf(`${lp}.ipam.lifecycle`, ['Persistent'] as const);
  const vlanMode = r.oneOf(`${lp}.vlan.mode`, ['Access'] as const);
  const vlan = r.int(`${lp}.vlan.access.id`);
  if (topology === 'Localnet' && r.get(`${lp}.vlan`) !== undefined && !vlanMode) r.require(`${lp}.vlan.mode`);
  if (vlanMode === 'Access' && vlan === undefined) r.require(`${lp}.vlan.access.id`);
  const selector = r.get('spec.namespaceSelector');
  if (cluster && selector !== undefined && !isObject(selector))
    r.issues.push(err('spec.namespaceSelector', 'not-an-object'));
  const mtu = r.int(`${lp}.mtu`);
  const join = r.strings(`${lp}.joinSubnets`);
  const exclude = r.strings(`${lp}.excludeSubnets`);
  const physnet = r.string(`${lp}.physicalNetworkName`);
  const subnets =
    topology === 'Layer3'
      ? readLayer3Subnets(r, `${lp}.subnets`)
      : (r.strings(`${lp}.subnets`) ?? []).map((cidr) => ({ cidr }));
  if (topology === 'Layer2')
    r.issues.push(
      ...checkLayer2Extras(
        r,
        lp,
        role,
        subnets.map((s) => s.cidr),
      ),
    );
  const form: UDNForm = {
    scope: cluster ? 'cluster' : 'namespace',
    name: r.string('metadata.name') ?? '',
    ...(cluster ? {} : { namespace: r.string('metadata.namespace') ?? '' }),
    ...(cluster && isObject(selector) ? { namespaceSelector: selector } : {}),
    topology,
    role,
    subnets,
    ...(join ? { joinSubnets: join } : {}),
    ...(exclude ? { excludeSubnets: exclude } : {}),
    ...(ipamMode ? { ipamMode } : {}),
    ...(lifecycle ? { persistentIPs: true } : {}),
    ...(mtu !== undefined ? { mtu } : {}),
    ...(physnet !== undefined ? { physicalNetworkName: physnet } : {}),
    ...(vlan !== undefined ? { vlan } : {}),
  };
  return { form, issues: r.issues, pathOf };
};
