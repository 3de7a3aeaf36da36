/**
 * NNCP manifests are free-form nmstate (the CRD preserves unknown fields), so they are checked at manifest level
 * with the same rules as the form: interface names, VLAN IDs, bond modes and options, ports against
 * NodeNetworkState, non-empty bridge mappings (OCPBUGS-55292), node selector and maxUnavailable.
 */
import type { FieldIssue } from '../../issues';
import type { NodeNetworkState } from '../../kube/networks';
import {
  err,
  isInterfaceName,
  validateIntRange,
  validateLabelMap,
  validateSubdomainName,
  warn,
} from '../shared/check';
import type { ClusterContext } from '../shared/context';
import { BOND_MODES } from './nncp';
import { validateNic } from './nncpValidate';
import { getSelectedNodeStates } from '../shared/options';
import { type FieldTable, META_RENAMES } from '../shared/fieldPaths';
import { ManifestReader, isObject } from '../shared/reader';
import { NNCP_NODE_SELECTOR_MAX, nncpNameRule, nncpUpdateRules } from './webhookRules';
import { ipManifestIssues, portsOf } from './nncpIp';

const MAX_UNAVAILABLE = /^([1-9]\d*|([1-9]\d?|100)%)$/;

const portNames = (r: ManifestReader, path: string): { name: string; field: string }[] =>
  (r.list(path) ?? []).flatMap((p, j) => {
    const name = typeof p === 'string' ? p : isObject(p) && typeof p.name === 'string' ? p.name : undefined;
    if (name === undefined) r.issues.push(err(`${path}[${j}]`, 'required'));
    return name === undefined
      ? []
      : [{ name, field: typeof p === 'string' ? `${path}[${j}]` : `${path}[${j}].name` }];
  });

/**
 * The NNCP wizard's fields in the manifest, for placing a server refusal (the manifest itself is checked at
 * manifest level, its paths are already the manifest's): the bridge mapping is the physical network name.
 */
export const NNCP_FIELD_TABLE: FieldTable = {
  renames: [
    ...META_RENAMES,
    { field: 'nodeSelector', path: 'spec.nodeSelector', leaf: true },
    { field: 'maxUnavailable', path: 'spec.maxUnavailable' },
    { field: 'physicalNetworkName', path: 'spec.desiredState.ovn', leaf: true, alias: true },
  ],
};

const trunkIssues = (r: ManifestReader, portPath: string): FieldIssue[] =>
  (r.list(`${portPath}.vlan.trunk-tags`) ?? []).flatMap((tag, k) => {
    const f = `${portPath}.vlan.trunk-tags[${k}]`;
    if (!isObject(tag)) return [err(f, 'vlan-trunk')];
    const range = isObject(tag['id-range']) ? tag['id-range'] : undefined;
    return [
      ...(tag.id !== undefined ? validateIntRange(`${f}.id`, tag.id as number, 1, 4094, 'vlan-range') : []),
      ...(range ? validateIntRange(`${f}.id-range.min`, range.min as number, 1, 4094, 'vlan-range') : []),
      ...(range ? validateIntRange(`${f}.id-range.max`, range.max as number, 1, 4094, 'vlan-range') : []),
      ...(range && Number(range.min) > Number(range.max) ? [err(`${f}.id-range`, 'vlan-trunk')] : []),
    ];
  });

const interfaceIssues = (
  r: ManifestReader,
  i: number,
  created: ReadonlySet<string>,
  states: readonly NodeNetworkState[],
): FieldIssue[] => {
  const p = `spec.desiredState.interfaces[${i}]`;
  const name = r.string(`${p}.name`) ?? '';
  const type = r.string(`${p}.type`) ?? '';
  const state = r.string(`${p}.state`);
  if (state === 'absent') return [];
  // A port defined in this policy (a bond under a bridge) is created here, not looked up on the nodes.
  const nicIssues = (ports: { name: string; field: string }[]) =>
    ports.flatMap((port) => (created.has(port.name) ? [] : validateNic(port.field, port.name, states, name)));
  const base = r.string(`${p}.vlan.base-iface`);
  const mode = r.string(`${p}.link-aggregation.mode`);
  const bondPorts =
    r.get(`${p}.link-aggregation.port`) !== undefined
      ? `${p}.link-aggregation.port`
      : `${p}.link-aggregation.slaves`;
  return [
    ...(name === ''
      ? [err(`${p}.name`, 'required')]
      : isInterfaceName(name)
        ? []
        : [err(`${p}.name`, type.endsWith('bridge') ? 'bridge-name' : 'iface-name')]),
    ...typeIssues(r, p, name, type, states),
    ...validateIntRange(`${p}.mtu`, r.int(`${p}.mtu`), 576, 65535, 'mtu-range'),
    ...(type === 'vlan'
      ? [
          ...(base
            ? created.has(base)
              ? []
              : validateNic(`${p}.vlan.base-iface`, base, states, name)
            : [err(`${p}.vlan.base-iface`, 'required')]),
          ...(r.get(`${p}.vlan.id`) === undefined
            ? [err(`${p}.vlan.id`, 'required')]
            : validateIntRange(`${p}.vlan.id`, r.int(`${p}.vlan.id`), 1, 4094, 'vlan-range')),
        ]
      : []),
    ...(type === 'bond'
      ? [
          ...(mode && !(BOND_MODES as readonly string[]).includes(mode)
            ? [err(`${p}.link-aggregation.mode`, 'bond-mode', { allowed: BOND_MODES.join(', ') })]
            : []),
          ...nicIssues(portNames(r, bondPorts)),
        ]
      : []),
    ...(type === 'linux-bridge' || type === 'ovs-bridge'
      ? [
          ...nicIssues(portNames(r, `${p}.bridge.port`).filter((port) => port.name !== name)),
          ...(r.list(`${p}.bridge.port`) ?? []).flatMap((_, j) => trunkIssues(r, `${p}.bridge.port[${j}]`)),
        ]
      : []),
  ];
};

/**
 * nmstate resolves an interface given without `type` from the current state (InterfaceType::Unknown): fine when
 * it is being removed or exists on every selected node; a new interface needs a type. Without node states we
 * cannot tell, so it is a warning.
 */
const typeIssues = (
  r: ManifestReader,
  p: string,
  name: string,
  type: string,
  states: readonly NodeNetworkState[],
): FieldIssue[] => {
  if (type !== '' || name === '' || r.string(`${p}.state`) === 'absent') return [];
  if (!states.length) return [warn(`${p}.type`, 'nmstate-type-from-current')];
  const missing = states.find(
    (s) => !(s.status?.currentState?.interfaces ?? []).some((x) => x.name === name),
  );
  return missing ? [err(`${p}.type`, 'required')] : [];
};

const mappingIssues = (
  r: ManifestReader,
  created: ReadonlySet<string>,
  states: readonly NodeNetworkState[],
): FieldIssue[] =>
  (r.list('spec.desiredState.ovn.bridge-mappings') ?? []).flatMap((_, i) => {
    const p = `spec.desiredState.ovn.bridge-mappings[${i}]`;
    const localnet = r.string(`${p}.localnet`) ?? '';
    const bridge = r.string(`${p}.bridge`) ?? '';
    const absent = r.string(`${p}.state`) === 'absent';
    const onNodes =
      states.length > 0 &&
      states.every((s) => (s.status?.currentState?.interfaces ?? []).some((x) => x.name === bridge));
    return [
      ...(localnet.trim() === ''
        ? [err(`${p}.localnet`, 'required')]
        : /[,:]/.test(localnet)
          ? [err(`${p}.localnet`, 'physical-network-name')]
          : []),
      ...(bridge.trim() === '' && !absent ? [err(`${p}.bridge`, 'required')] : []),
      ...(bridge && !absent && states.length && !created.has(bridge) && !onNodes
        ? [
            warn(`${p}.bridge`, 'bridge-unknown', {
              bridge,
              node:
                states.find((s) => !(s.status?.currentState?.interfaces ?? []).some((x) => x.name === bridge))
                  ?.metadata.name ?? '',
            }),
          ]
        : []),
    ];
  });

/** Issues of an NNCP manifest; fields are manifest paths. */
export const validateNNCPManifest = (obj: unknown, ctx: ClusterContext = {}): FieldIssue[] => {
  const r = new ManifestReader(obj);
  const nodeSelector = r.stringMap('spec.nodeSelector');
  const maxUnavailable = r.get('spec.maxUnavailable');
  const states = getSelectedNodeStates(ctx, nodeSelector);
  // pkg/client/client.go: an empty desired state is accepted and ignored ("Ignoring empty desired state").
  const desired = r.get('spec.desiredState');
  if (desired === undefined || desired === null || (isObject(desired) && Object.keys(desired).length === 0))
    r.issues.push(warn('spec.desiredState', 'nncp-desired-state-empty'));
  const interfaces = r.list('spec.desiredState.interfaces') ?? [];
  const created = new Set(
    interfaces.flatMap((x) => (isObject(x) && typeof x.name === 'string' ? [x.name] : [])),
  );
  const issues = [
    ...validateSubdomainName('metadata.name', r.string('metadata.name')),
    ...nncpNameRule(r.string('metadata.name') ?? '', 'metadata.name', ctx),
    ...nncpUpdateRules(r.string('metadata.name') ?? '', r.get('spec'), ctx),
    ...(Object.keys(nodeSelector ?? {}).length > NNCP_NODE_SELECTOR_MAX
      ? [err('spec.nodeSelector', 'too-many', { max: NNCP_NODE_SELECTOR_MAX })]
      : []),
    ...validateLabelMap('spec.nodeSelector', nodeSelector),
    ...(maxUnavailable !== undefined &&
    !(
      (typeof maxUnavailable === 'string' || typeof maxUnavailable === 'number') &&
      MAX_UNAVAILABLE.test(String(maxUnavailable))
    )
      ? [err('spec.maxUnavailable', 'max-unavailable')]
      : []),
    ...interfaces.flatMap((_, i) => interfaceIssues(r, i, created, states)),
    ...mappingIssues(r, created, states),
    ...ipManifestIssues(r, portsOf(interfaces)),
  ];
  return [...r.issues, ...issues];
};
