/**
 * NodeNetworkConfigurationPolicy form and builder: a Linux bridge over a NIC or bond (optional VLAN filtering),
 * a VLAN interface, a bond, an OVS bridge with an OVN bridge mapping for localnet, or only a mapping onto br-ex.
 * The desired state follows the nmstate API (nmstate.io docs, "linux-bridge", "bond", "vlan", "ovs-bridge",
 * "ovn bridge-mappings"). Validation is in nncpValidate.ts.
 */
import type { NMStateInterface, NMStateState, NodeNetworkConfigurationPolicy } from '../../kube/networks';
import { ipv4State, ipv6State, type Ipv4Form, type Ipv6Form } from './nncpIp';

export type NNCPKind = 'linux-bridge' | 'vlan' | 'bond' | 'ovs-bridge' | 'br-ex-mapping';

export const BOND_MODES = [
  'balance-rr',
  'active-backup',
  'balance-xor',
  'broadcast',
  '802.3ad',
  'balance-tlb',
  'balance-alb',
] as const;
export type BondMode = (typeof BOND_MODES)[number];

export type BondForm = { name: string; ports: string[]; mode: BondMode; options?: Record<string, string> };

export type NNCPForm = {
  name: string;
  description?: string;
  nodeSelector: Record<string, string>;
  /** Integer or percentage ("50%"), as nmstate's `maxUnavailable`. */
  maxUnavailable?: string;
  kind: NNCPKind;
  /** The bridge or VLAN interface to create (kind 'bond' uses `bond.name`; 'br-ex-mapping' creates none). */
  interfaceName: string;
  /** Bridges and VLANs: their uplink is a NIC or the bond in `bond`. */
  uplinkType: 'nic' | 'bond';
  nic?: string;
  bond?: BondForm;
  vlanId?: number;
  /** linux-bridge: trunk VLANs on the uplink port ("100,200-299"); empty means 2–4094. */
  vlanFiltering?: boolean;
  trunkVlans?: string;
  mtu?: number;
  /** ovs-bridge / br-ex-mapping: the localnet name for `ovn.bridge-mappings`. */
  physicalNetworkName?: string;
  /**
   * IP of the interface created (the bridge, the VLAN, or the bond of kind 'bond'; a port never has one).
   * Undefined leaves the key out: the node keeps what it has (only an edited policy that had none).
   */
  ipv4?: Ipv4Form;
  ipv6?: Ipv6Form;
  /** Set when the wizard edits an existing policy (nncpEdit.ts). */
  edit?: NNCPEdit;
};

/** An existing policy in the wizard: what it had, and what the edit removes. */
export type NNCPEdit = {
  /** The policy as read (its resourceVersion guards the update). */
  policy: NodeNetworkConfigurationPolicy;
  /** The name the modelled interface had (a new name removes the old interface: `state: absent`). */
  originalName: string;
  /** The name the modelled bond had (kind 'bond', or the uplink bond of a bridge or VLAN). */
  originalBond?: string;
  /** The localnet of the modelled bridge mapping (ovs-bridge, br-ex-mapping). */
  originalLocalnet?: string;
  /** Interfaces of the policy marked for removal (`state: absent`), by name. */
  absent: string[];
};

/** IP applies to the interface created, except an OVS bridge (its IP lives on an ovs-interface). */
export const hasIp = (form: NNCPForm): boolean =>
  form.kind === 'linux-bridge' || form.kind === 'vlan' || form.kind === 'bond';

export const emptyNNCPForm = (kind: NNCPKind): NNCPForm => ({
  name: '',
  nodeSelector: { 'node-role.kubernetes.io/worker': '' },
  kind,
  interfaceName: kind === 'br-ex-mapping' ? 'br-ex' : '',
  uplinkType: 'nic',
  // nmstate-console-plugin PR #156 made balance-slb the OVS default; for Linux bonds active-backup is the
  // mode every switch supports without configuration.
  ...(kind === 'bond' ? { bond: { name: '', ports: [], mode: 'active-backup' as const } } : {}),
  ipv4: { mode: 'disabled', addresses: [] },
  ipv6: { mode: 'disabled', addresses: [] },
});

export type TrunkTag = { id: number } | { 'id-range': { min: number; max: number } };

/** Parses "100,200-299" into nmstate trunk tags; undefined when the text is not valid. */
export const parseTrunkVlans = (text: string | undefined): TrunkTag[] | undefined => {
  const parts = (text ?? '').split(',').map((p) => p.trim());
  if (parts.length === 1 && parts[0] === '') return [{ 'id-range': { min: 2, max: 4094 } }];
  const tags = parts.map((p): TrunkTag | undefined => {
    const m = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(p);
    const min = Number(m?.[1]);
    const max = m?.[2] !== undefined ? Number(m[2]) : min;
    if (!m || min < 1 || max > 4094 || min > max) return undefined;
    return m[2] === undefined ? { id: min } : { 'id-range': { min, max } };
  });
  return tags.every((t) => t !== undefined) ? tags : undefined;
};

const noIP = { ipv4: { enabled: false }, ipv6: { enabled: false } };

/** The form's IP sections (keys left out when the form leaves them unset). */
const ipOf = (form: NNCPForm) => {
  const ipv4 = ipv4State(form.ipv4);
  const ipv6 = ipv6State(form.ipv6);
  return { ...(ipv4 ? { ipv4 } : {}), ...(ipv6 ? { ipv6 } : {}) };
};

const bondInterface = (
  bond: BondForm,
  mtu: number | undefined,
  ip: ReturnType<typeof ipOf>,
): NMStateInterface => ({
  name: bond.name.trim(),
  type: 'bond',
  state: 'up',
  ...(mtu !== undefined ? { mtu } : {}),
  ...ip,
  'link-aggregation': {
    mode: bond.mode,
    ...(bond.options && Object.keys(bond.options).length ? { options: bond.options } : {}),
    port: bond.ports.map((p) => p.trim()),
  },
});

/** The uplink interface name: the NIC, or the bond created alongside. */
export const uplinkOf = (form: NNCPForm): string =>
  (form.uplinkType === 'bond' ? form.bond?.name : form.nic)?.trim() ?? '';

/** A VLAN interface defaults to `<base>.<id>`, the Linux convention. */
export const vlanInterfaceName = (form: NNCPForm): string =>
  form.interfaceName.trim() || `${uplinkOf(form)}.${form.vlanId ?? ''}`;

const mainInterface = (form: NNCPForm): NMStateInterface[] => {
  const mtu = form.mtu !== undefined ? { mtu: form.mtu } : {};
  const uplink = uplinkOf(form);
  switch (form.kind) {
    case 'linux-bridge': {
      const trunk = form.vlanFiltering ? parseTrunkVlans(form.trunkVlans) : undefined;
      const port = { name: uplink, ...(trunk ? { vlan: { mode: 'trunk', 'trunk-tags': trunk } } : {}) };
      // STP off: OCPBUGS-36238 (STP on by default blocked ports for 30 s and surprised users).
      return [
        {
          name: form.interfaceName.trim(),
          type: 'linux-bridge',
          state: 'up',
          ...mtu,
          ...ipOf(form),
          bridge: { options: { stp: { enabled: false } }, port: [port] },
        },
      ];
    }
    case 'vlan':
      return [
        {
          name: vlanInterfaceName(form),
          type: 'vlan',
          state: 'up',
          ...mtu,
          ...ipOf(form),
          vlan: { 'base-iface': uplink, id: form.vlanId ?? 0 },
        },
      ];
    case 'ovs-bridge':
      // allow-extra-patch-ports keeps OVN's localnet patch ports (OCPBUGS-49992); mcast snooping as NMS does.
      return [
        {
          name: form.interfaceName.trim(),
          type: 'ovs-bridge',
          state: 'up',
          bridge: {
            'allow-extra-patch-ports': true,
            options: { stp: { enabled: false }, 'mcast-snooping-enable': true },
            port: [{ name: uplink }],
          },
        },
      ];
    default:
      return [];
  }
};

export const buildDesiredState = (form: NNCPForm): NMStateState => {
  const bondMtu = form.kind === 'bond' ? form.mtu : undefined;
  const bond =
    form.bond && (form.kind === 'bond' || form.uplinkType === 'bond')
      ? [bondInterface(form.bond, bondMtu, form.kind === 'bond' ? ipOf(form) : noIP)]
      : [];
  const interfaces = form.kind === 'br-ex-mapping' ? [] : [...bond, ...mainInterface(form)];
  const mapped = form.kind === 'ovs-bridge' || form.kind === 'br-ex-mapping';
  const bridge = form.kind === 'br-ex-mapping' ? 'br-ex' : form.interfaceName.trim();
  return {
    ...(interfaces.length ? { interfaces } : {}),
    ...(mapped
      ? {
          ovn: {
            'bridge-mappings': [
              { localnet: (form.physicalNetworkName ?? '').trim(), bridge, state: 'present' as const },
            ],
          },
        }
      : {}),
  };
};

export const buildNNCPManifest = (form: NNCPForm): NodeNetworkConfigurationPolicy => ({
  apiVersion: 'nmstate.io/v1',
  kind: 'NodeNetworkConfigurationPolicy',
  metadata: {
    name: form.name.trim(),
    ...(form.description?.trim() ? { annotations: { description: form.description.trim() } } : {}),
  },
  spec: {
    nodeSelector: form.nodeSelector,
    ...(form.maxUnavailable?.trim()
      ? { maxUnavailable: maxUnavailableValue(form.maxUnavailable.trim()) }
      : {}),
    desiredState: buildDesiredState(form),
  },
});

/** "3" → 3 (int-or-string: a number is an absolute count); "50%" stays a string. */
export const maxUnavailableValue = (text: string): number | string =>
  /^\d+$/.test(text) ? Number(text) : text;
