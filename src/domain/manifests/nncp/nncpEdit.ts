/**
 * Editing an existing NodeNetworkConfigurationPolicy in the NNCP wizard. The wizard models one interface (a Linux
 * bridge, a VLAN, an OVS bridge or a bond, with the bond under it) and one bridge mapping; `formOfPolicy` finds
 * such an interface in the policy and checks that the wizard rebuilds every field of it exactly as written.
 * Everything else the policy holds (other interfaces, other mappings, routes, DNS, fields of the interface the
 * wizard does not set) is kept untouched in the result and listed, read-only, by `keptParts`. When no interface
 * can be rebuilt exactly, editing is refused with the interface and field that stop it: nothing is dropped.
 *
 * The edit can mark any interface of the policy for removal (nmstate `state: absent`) and rename the modelled
 * one: nmstate cannot rename, so the old name is removed and the new one created (which the blast radius then
 * warns about, naming the networks and VMs on the old one).
 */
import type {
  BridgeMapping,
  NMStateInterface,
  NMStateState,
  NodeNetworkConfigurationPolicy,
} from '../../kube/networks';
import {
  BOND_MODES,
  buildDesiredState,
  maxUnavailableValue,
  type BondForm,
  type BondMode,
  type NNCPForm,
  type NNCPKind,
} from './nncp';
import { ipv4FormOf, ipv6FormOf } from './nncpIp';

export type EditRefusal = {
  /** The interface (or '' for the policy) and the field of it the wizard cannot rebuild. */
  iface: string;
  field: string;
};

export type EditStart = { ok: true; form: NNCPForm } | { ok: false; refusal: EditRefusal };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of JSON values (key order ignored). */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (!isObj(a) || !isObj(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
};

const live = (ds: NMStateState): NMStateInterface[] =>
  (ds.interfaces ?? []).filter((i) => isObj(i) && typeof i.name === 'string' && i.state !== 'absent');

const bondFormOf = (i: NMStateInterface): BondForm => {
  const agg = i['link-aggregation'] ?? {};
  const options = isObj(agg.options)
    ? Object.fromEntries(Object.entries(agg.options).map(([k, v]) => [k, String(v)]))
    : undefined;
  return {
    name: i.name,
    ports: [...(agg.port ?? agg.slaves ?? [])],
    mode: (BOND_MODES as readonly string[]).includes(agg.mode ?? '')
      ? (agg.mode as BondMode)
      : 'active-backup',
    ...(options && Object.keys(options).length ? { options } : {}),
  };
};

/** "100,200-299" from nmstate trunk tags. */
const trunkText = (tags: unknown): string =>
  Array.isArray(tags)
    ? tags
        .map((t) => {
          if (!isObj(t)) return '';
          const r = t['id-range'];
          return isObj(r) ? `${String(r.min)}-${String(r.max)}` : String(t.id);
        })
        .join(',')
    : '';

/** The wizard's form for one candidate interface of the policy. */
const candidateForm = (
  policy: NodeNetworkConfigurationPolicy,
  main: NMStateInterface,
  all: readonly NMStateInterface[],
): NNCPForm => {
  const ds = policy.spec.desiredState ?? {};
  const kind = main.type as NNCPKind;
  const byName = new Map(all.map((i) => [i.name, i]));
  const ports = main.bridge?.port ?? [];
  const uplinkName = kind === 'vlan' ? main.vlan?.['base-iface'] : ports[0]?.name;
  const uplinkBond = uplinkName ? byName.get(uplinkName) : undefined;
  const usesBond = kind !== 'bond' && uplinkBond?.type === 'bond';
  const mapping = (ds.ovn?.['bridge-mappings'] ?? []).find(
    (m) => m.bridge === main.name && m.state !== 'absent',
  );
  const trunk = ports[0]?.vlan?.['trunk-tags'];
  return {
    ...policyBasics(policy),
    kind,
    interfaceName: kind === 'bond' ? '' : main.name,
    uplinkType: usesBond ? 'bond' : 'nic',
    ...(kind === 'bond'
      ? { bond: bondFormOf(main) }
      : usesBond && uplinkBond
        ? { bond: bondFormOf(uplinkBond) }
        : {}),
    ...(!usesBond && kind !== 'bond' && uplinkName ? { nic: uplinkName } : {}),
    ...(kind === 'vlan' && main.vlan ? { vlanId: main.vlan.id } : {}),
    ...(kind === 'linux-bridge' && trunk !== undefined
      ? { vlanFiltering: true, trunkVlans: trunkText(trunk) }
      : {}),
    ...(main.mtu !== undefined ? { mtu: main.mtu } : {}),
    ...(mapping ? { physicalNetworkName: mapping.localnet } : {}),
    ipv4: ipv4FormOf(main.ipv4),
    ipv6: ipv6FormOf(main.ipv6),
    edit: {
      policy,
      originalName: main.name,
      ...(usesBond && uplinkBond ? { originalBond: uplinkBond.name } : {}),
      ...(mapping ? { originalLocalnet: mapping.localnet } : {}),
      absent: [],
    },
  };
};

/** What every edit form starts from: the policy's name, description, node selector and max unavailable. */
const policyBasics = (policy: NodeNetworkConfigurationPolicy) => ({
  name: policy.metadata.name,
  ...(policy.metadata.annotations?.description
    ? { description: policy.metadata.annotations.description }
    : {}),
  nodeSelector: { ...(policy.spec.nodeSelector ?? {}) },
  ...(policy.spec.maxUnavailable !== undefined ? { maxUnavailable: String(policy.spec.maxUnavailable) } : {}),
});

/** The first field of `original` the rebuilt interface writes differently; undefined when all match. */
const firstDifference = (built: NMStateInterface, original: NMStateInterface): string | undefined =>
  Object.keys(built).find((k) => !sameJson(built[k], original[k]));

/** The form of an existing policy, or why the wizard cannot edit it. */
export const formOfPolicy = (policy: NodeNetworkConfigurationPolicy): EditStart => {
  const ds = policy.spec.desiredState ?? {};
  const all = live(ds);
  const mappings = (ds.ovn?.['bridge-mappings'] ?? []).filter((m) => m.state !== 'absent');
  if (all.length === 0) {
    const brEx = mappings.find((m) => m.bridge === 'br-ex');
    if (!brEx) return { ok: false, refusal: { iface: '', field: 'interfaces' } };
    return {
      ok: true,
      form: {
        ...policyBasics(policy),
        kind: 'br-ex-mapping',
        interfaceName: 'br-ex',
        uplinkType: 'nic',
        physicalNetworkName: brEx.localnet,
        edit: { policy, originalName: '', originalLocalnet: brEx.localnet, absent: [] },
      },
    };
  }
  // A bond that is a port of another interface of the policy is modelled with that interface.
  const portNames = new Set(
    all.flatMap((i) => [
      ...(i.bridge?.port ?? []).map((p) => p.name),
      ...(i.vlan ? [i.vlan['base-iface']] : []),
    ]),
  );
  const order: string[] = ['linux-bridge', 'vlan', 'ovs-bridge', 'bond'];
  const candidates = all
    .filter((i) => order.includes(i.type) && !(i.type === 'bond' && portNames.has(i.name)))
    .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  let refusal: EditRefusal | undefined;
  for (const main of candidates) {
    const form = candidateForm(policy, main, all);
    const built = editedInterfaces(form);
    const byName = new Map(all.map((i) => [i.name, i]));
    const diff = built
      .map((b) => ({ b, o: byName.get(b.name) }))
      .map(({ b, o }) => ({ iface: b.name, field: o ? firstDifference(b, o) : 'name' }))
      .find((d) => d.field !== undefined);
    const mapping = buildDesiredState(form).ovn?.['bridge-mappings']?.[0];
    const original = mappings.find((m) => m.localnet === form.edit?.originalLocalnet);
    const mappingDiff =
      (form.kind === 'ovs-bridge' || form.kind === 'br-ex-mapping') &&
      mapping &&
      original &&
      !sameJson(mapping, { state: 'present', ...original })
        ? { iface: main.name, field: 'ovn.bridge-mappings' }
        : undefined;
    if (!diff && !mappingDiff && (main.bridge?.port?.length ?? 1) <= 1) return { ok: true, form };
    refusal ??= diff
      ? { iface: diff.iface, field: diff.field ?? '' }
      : (mappingDiff ?? { iface: main.name, field: 'bridge.port' });
  }
  return { ok: false, refusal: refusal ?? { iface: all[0]?.name ?? '', field: 'type' } };
};

const mainName = (form: NNCPForm): string =>
  form.kind === 'bond'
    ? (form.bond?.name.trim() ?? '')
    : form.kind === 'vlan' && !form.interfaceName.trim()
      ? `${(form.uplinkType === 'bond' ? form.bond?.name : form.nic)?.trim() ?? ''}.${form.vlanId ?? ''}`
      : form.interfaceName.trim();

/**
 * The interfaces the wizard builds for an edited form, over what the policy had: fields of the original the
 * wizard does not set are kept; an uplink bond keeps its original IP sections (a port has none to edit).
 */
const editedInterfaces = (form: NNCPForm): NMStateInterface[] => {
  const edit = form.edit;
  const built = buildDesiredState(form).interfaces ?? [];
  if (!edit) return built;
  const originals = edit.policy.spec.desiredState?.interfaces ?? [];
  const byName = new Map(originals.map((i) => [i.name, i]));
  const bond = edit.originalBond ? byName.get(edit.originalBond) : undefined;
  const withOriginalIp = built.map((b) => {
    if (!bond || b.type !== 'bond' || form.kind === 'bond') return b;
    const { ipv4: _4, ipv6: _6, ...rest } = b;
    return { ...rest, ...(bond.ipv4 ? { ipv4: bond.ipv4 } : {}), ...(bond.ipv6 ? { ipv6: bond.ipv6 } : {}) };
  });
  return withOriginalIp;
};

/** The desired state of the edited policy: the original with the modelled parts rebuilt and the removals. */
export const editedDesiredState = (form: NNCPForm): NMStateState => {
  const edit = form.edit;
  if (!edit) return buildDesiredState(form);
  const ds = edit.policy.spec.desiredState ?? {};
  const absent = new Set(edit.absent);
  const built = new Map(editedInterfaces(form).map((i) => [i.name, i]));
  const newMain = mainName(form);
  const newBond =
    form.uplinkType === 'bond' && form.kind !== 'bond' ? (form.bond?.name.trim() ?? '') : undefined;
  const renamed = (from: string | undefined, to: string | undefined) =>
    !!from && to !== undefined && from !== to;
  const interfaces: NMStateInterface[] = [];
  for (const o of ds.interfaces ?? []) {
    const removal: NMStateInterface = { name: o.name, type: o.type, state: 'absent' };
    if (absent.has(o.name)) {
      interfaces.push(removal);
      if (o.name === edit.originalName) built.delete(newMain);
      continue;
    }
    const to =
      o.name === edit.originalName && edit.originalName
        ? newMain
        : o.name === edit.originalBond
          ? newBond
          : undefined;
    if (to === undefined) {
      interfaces.push(o);
      continue;
    }
    const b = built.get(to);
    if (renamed(o.name, to)) interfaces.push(removal);
    if (b) {
      interfaces.push({ ...o, ...b });
      built.delete(to);
    } else if (!renamed(o.name, to)) {
      interfaces.push(o);
    }
  }
  interfaces.push(...built.values());
  const builtMapping = buildDesiredState(form).ovn?.['bridge-mappings']?.[0];
  const originalMappings = ds.ovn?.['bridge-mappings'];
  let mappings: BridgeMapping[] | undefined = originalMappings;
  if (builtMapping && edit.originalLocalnet !== undefined) {
    mappings = (originalMappings ?? []).flatMap((m) =>
      m.localnet !== edit.originalLocalnet
        ? [m]
        : m.localnet === builtMapping.localnet
          ? [{ ...m, ...builtMapping }]
          : [{ localnet: m.localnet, bridge: m.bridge, state: 'absent' as const }, builtMapping],
    );
  } else if (builtMapping) {
    mappings = [...(originalMappings ?? []), builtMapping];
  }
  const { interfaces: _i, ovn, ...rest } = ds;
  return {
    ...rest,
    ...(interfaces.length ? { interfaces } : {}),
    ...(ovn || mappings
      ? { ovn: { ...(ovn ?? {}), ...(mappings ? { 'bridge-mappings': mappings } : {}) } }
      : {}),
  };
};

/** The edited policy as it is sent: the original object with its spec (and description) replaced. */
export const buildEditedManifest = (form: NNCPForm): NodeNetworkConfigurationPolicy => {
  const policy = form.edit?.policy;
  if (!policy) throw new Error('buildEditedManifest needs form.edit');
  const { description: _d, ...annotations } = policy.metadata.annotations ?? {};
  const description = form.description?.trim();
  const allAnnotations = { ...annotations, ...(description ? { description } : {}) };
  const { maxUnavailable: _m, ...spec } = policy.spec;
  return {
    apiVersion: 'nmstate.io/v1',
    kind: 'NodeNetworkConfigurationPolicy',
    metadata: {
      name: policy.metadata.name,
      ...(policy.metadata.labels ? { labels: policy.metadata.labels } : {}),
      ...(Object.keys(allAnnotations).length ? { annotations: allAnnotations } : {}),
    },
    spec: {
      ...spec,
      nodeSelector: form.nodeSelector,
      ...(form.maxUnavailable?.trim()
        ? { maxUnavailable: maxUnavailableValue(form.maxUnavailable.trim()) }
        : {}),
      desiredState: editedDesiredState(form),
    },
  };
};

/** What the policy holds that the wizard keeps without modelling it, for a read-only list. */
export type KeptParts = {
  /** Interfaces other than the modelled ones, by name and type. */
  interfaces: { name: string; type: string }[];
  /** Fields of the modelled interfaces the wizard does not set, as `iface: field`. */
  fields: { iface: string; field: string }[];
  /** Bridge mappings other than the modelled one. */
  mappings: string[];
  /** Top-level desired-state sections other than interfaces and ovn (routes, dns-resolver, …). */
  sections: string[];
};

export const keptParts = (form: NNCPForm): KeptParts => {
  const edit = form.edit;
  if (!edit) return { interfaces: [], fields: [], mappings: [], sections: [] };
  const ds = edit.policy.spec.desiredState ?? {};
  const modelled = new Set([edit.originalName, edit.originalBond].filter(Boolean));
  const built = new Map(editedInterfaces(form).map((i) => [i.name, i]));
  const originals = ds.interfaces ?? [];
  return {
    interfaces: originals.filter((i) => !modelled.has(i.name)).map((i) => ({ name: i.name, type: i.type })),
    fields: originals
      .filter((i) => modelled.has(i.name))
      .flatMap((i) => {
        const b = built.get(i.name) ?? {};
        return Object.keys(i)
          .filter((k) => !(k in b))
          .map((field) => ({ iface: i.name, field }));
      }),
    mappings: (ds.ovn?.['bridge-mappings'] ?? [])
      .filter((m) => m.localnet !== edit.originalLocalnet)
      .map((m) => `${m.localnet} → ${m.bridge}`),
    sections: Object.keys(ds).filter((k) => k !== 'interfaces' && k !== 'ovn'),
  };
};

/** The interfaces of the policy that can be marked for removal, by name and type. */
export const removableInterfaces = (form: NNCPForm): { name: string; type: string }[] =>
  (form.edit?.policy.spec.desiredState?.interfaces ?? [])
    .filter((i) => i.state !== 'absent')
    .map((i) => ({ name: i.name, type: i.type }));
