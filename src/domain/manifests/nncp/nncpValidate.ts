/**
 * NNCP form checks. NICs are checked against NodeNetworkState of the selected nodes: present on every node, not
 * the NIC behind br-ex (the machine network; enslaving it cuts the node off), not already a port elsewhere
 * (nmstate-console-plugin CNV-76214).
 */
import type { FieldIssue } from '../../issues';
import type { NodeNetworkState } from '../../kube/networks';
import {
  err,
  isInterfaceName,
  validateIntRange,
  validateLabelMap,
  validateSubdomainName,
  validateVlan,
  warn,
} from '../shared/check';
import type { ClusterContext } from '../shared/context';
import { nncpNameRule } from './webhookRules';
import {
  type BondForm,
  BOND_MODES,
  type NNCPForm,
  hasIp,
  parseTrunkVlans,
  uplinkOf,
  vlanInterfaceName,
} from './nncp';
import { validateIpForm, validateIpOnNodes } from './nncpIp';
import {
  getController,
  getMachineNetworkNics,
  getPhysicalNetworkOptions,
  getSelectedNodeNames,
  getSelectedNodeStates,
  getUplinkMtu,
} from '../shared/options';

// Linux bonding options nmstate passes to the kernel (Documentation/networking/bonding.rst).
const NUMERIC_BOND_OPTIONS = new Set([
  'miimon', 'updelay', 'downdelay', 'arp_interval', 'ad_actor_sys_prio', 'ad_user_port_key', 'min_links',
  'num_grat_arp', 'num_unsol_na', 'packets_per_slave', 'resend_igmp', 'lp_interval', 'peer_notif_delay',
  'arp_missed_max',
]); // prettier-ignore
const OTHER_BOND_OPTIONS = new Set([
  'arp_ip_target', 'arp_validate', 'arp_all_targets', 'primary', 'primary_reselect', 'fail_over_mac',
  'xmit_hash_policy', 'lacp_rate', 'ad_select', 'ad_actor_system', 'all_slaves_active', 'tlb_dynamic_lb',
  'use_carrier', 'ns_ip6_target',
]); // prettier-ignore

/** OpenShift Virtualization supports bonds in modes 1, 2 and 4 under a VM bridge; 0, 5 and 6 break VM traffic. */
const VM_BOND_MODES = new Set(['active-backup', 'balance-xor', '802.3ad']);

const ifacesOf = (s: NodeNetworkState) => s.status?.currentState?.interfaces ?? [];

/**
 * A NIC that will become a port (of a bridge or bond) or a VLAN base. `owner` is the interface it joins: being
 * its port already (a policy applied before) is fine.
 */
export const validateNic = (
  field: string,
  nic: string,
  states: readonly NodeNetworkState[],
  owner?: string,
): FieldIssue[] => {
  if (nic === '') return [err(field, 'required')];
  if (!isInterfaceName(nic)) return [err(field, 'iface-name')];
  const missing = states.find((s) => !ifacesOf(s).some((i) => i.name === nic));
  const brEx = states.find((s) => getMachineNetworkNics(s).includes(nic));
  const used = brEx
    ? undefined
    : states.find((s) => {
        const controller = getController(s, nic);
        return controller !== undefined && controller !== owner;
      });
  return [
    ...(missing ? [err(field, 'nic-missing', { nic, node: missing.metadata.name })] : []),
    ...(brEx ? [err(field, 'nic-is-machine-network', { nic, node: brEx.metadata.name })] : []),
    ...(used
      ? [
          err(field, 'nic-in-use', {
            nic,
            node: used.metadata.name,
            controller: getController(used, nic) ?? '',
          }),
        ]
      : []),
  ];
};

const validateBond = (
  form: NNCPForm,
  bond: BondForm | undefined,
  states: readonly NodeNetworkState[],
): FieldIssue[] => {
  // Editing: the ports of the bond as it was are its own (the same bond, or the one a rename replaces).
  const owner = form.kind === 'bond' ? form.edit?.originalName : form.edit?.originalBond;
  if (!bond) return [err('bond', 'required')];
  const name = bond.name.trim();
  const seen = new Set<string>();
  const ports = bond.ports.flatMap((p, i) => {
    const nic = p.trim();
    const dup = seen.has(nic);
    seen.add(nic);
    return dup
      ? [err(`bond.ports[${i}]`, 'nic-duplicate', { nic })]
      : validateNic(`bond.ports[${i}]`, nic, states, owner);
  });
  const options = Object.entries(bond.options ?? {}).flatMap(([key, value]) => {
    if (NUMERIC_BOND_OPTIONS.has(key))
      return /^\d+$/.test(String(value).trim())
        ? []
        : [err(`bond.options.${key}`, 'bond-option-value', { option: key })];
    return OTHER_BOND_OPTIONS.has(key) ? [] : [err(`bond.options.${key}`, 'bond-option', { option: key })];
  });
  const underBridge = form.kind === 'linux-bridge' || form.kind === 'ovs-bridge';
  return [
    ...(name === ''
      ? [err('bond.name', 'required')]
      : isInterfaceName(name)
        ? []
        : [err('bond.name', 'iface-name')]),
    ...(BOND_MODES.includes(bond.mode)
      ? []
      : [err('bond.mode', 'bond-mode', { allowed: BOND_MODES.join(', ') })]),
    ...(underBridge && BOND_MODES.includes(bond.mode) && !VM_BOND_MODES.has(bond.mode)
      ? [warn('bond.mode', 'bond-mode-vm', { mode: bond.mode })]
      : []),
    ...(bond.ports.length === 0 ? [err('bond.ports', 'required')] : []),
    ...(bond.ports.length === 1 ? [warn('bond.ports', 'bond-single-port')] : []),
    ...ports,
    ...options,
  ];
};

/** The interface this policy creates must not exist yet on any selected node (nmstate would modify it). */
const validateNewInterface = (
  field: string,
  name: string,
  states: readonly NodeNetworkState[],
  /** What the name is of: a bridge's message says "Bridge name", a VLAN's or bond's "Interface name". */
  isBridge = false,
  /** Editing: the name the interface has in the policy (it exists on the nodes because of the policy). */
  own?: string,
): FieldIssue[] => {
  if (name === '') return [err(field, 'required')];
  if (!isInterfaceName(name))
    return [err(field, isBridge && name.length > 15 ? 'bridge-name' : 'iface-name')];
  const exists = name === own ? undefined : states.find((s) => ifacesOf(s).some((i) => i.name === name));
  return exists ? [err(field, 'iface-exists', { iface: name, node: exists.metadata.name })] : [];
};

const validateUplink = (form: NNCPForm, states: readonly NodeNetworkState[]): FieldIssue[] => {
  if (form.kind === 'bond') return validateBond(form, form.bond, states);
  if (form.kind === 'br-ex-mapping') return [];
  if (form.uplinkType === 'bond') return validateBond(form, form.bond, states);
  return validateNic('nic', (form.nic ?? '').trim(), states, form.edit?.originalName);
};

const validateKindFields = (
  form: NNCPForm,
  ctx: ClusterContext,
  states: readonly NodeNetworkState[],
): FieldIssue[] => {
  const mapped = form.kind === 'ovs-bridge' || form.kind === 'br-ex-mapping';
  const physnet = (form.physicalNetworkName ?? '').trim();
  const other = getPhysicalNetworkOptions(ctx.nncps ?? []).find(
    (o) =>
      o.name === physnet &&
      o.policy !== form.name.trim() &&
      o.bridge !== (form.kind === 'br-ex-mapping' ? 'br-ex' : form.interfaceName.trim()),
  );
  const trunkOk = !form.vlanFiltering || parseTrunkVlans(form.trunkVlans) !== undefined;
  return [
    ...(form.kind === 'linux-bridge' || form.kind === 'ovs-bridge'
      ? validateNewInterface(
          'interfaceName',
          form.interfaceName.trim(),
          states,
          true,
          form.edit?.originalName,
        )
      : []),
    ...(form.kind === 'vlan'
      ? validateNewInterface('interfaceName', vlanInterfaceName(form), states, false, form.edit?.originalName)
      : []),
    ...(form.kind === 'bond'
      ? validateNewInterface(
          'bond.name',
          form.bond?.name.trim() ?? '',
          states,
          false,
          form.edit?.originalName,
        ).filter((i) => i.code === 'iface-exists')
      : []),
    ...(form.kind === 'vlan' && form.vlanId === undefined
      ? [err('vlanId', 'required')]
      : validateVlan('vlanId', form.vlanId)),
    ...(form.kind === 'linux-bridge' && !trunkOk ? [err('trunkVlans', 'vlan-trunk')] : []),
    ...(mapped && physnet === '' ? [err('physicalNetworkName', 'required')] : []),
    ...(mapped && (physnet.length > 253 || /[,:]/.test(physnet))
      ? [err('physicalNetworkName', 'physical-network-name')]
      : []),
    ...(mapped && other
      ? [
          warn('physicalNetworkName', 'bridge-mapping-duplicate', {
            name: physnet,
            bridge: other.bridge,
            owner: other.policy,
          }),
        ]
      : []),
  ];
};

const validateMtu = (form: NNCPForm, states: readonly NodeNetworkState[]): FieldIssue[] => {
  const range = validateIntRange('mtu', form.mtu, 576, 65535, 'mtu-range');
  if (form.mtu === undefined || range.length) return range;
  if (form.kind === 'ovs-bridge' || form.kind === 'br-ex-mapping') {
    return [err('mtu', 'field-not-allowed', { reason: 'an OVS bridge takes the MTU of its uplink' })];
  }
  // A bond sets its ports' MTU itself; a bridge or VLAN cannot exceed its uplink NIC.
  if (form.kind === 'bond' || form.uplinkType === 'bond') return [];
  const nic = uplinkOf(form);
  const uplink = getUplinkMtu(states, nic);
  return uplink && form.mtu > uplink.mtu
    ? [
        err('mtu', 'mtu-above-uplink', {
          mtu: form.mtu,
          uplinkMtu: uplink.mtu,
          uplink: nic,
          node: uplink.node,
        }),
      ]
    : [];
};

const MAX_UNAVAILABLE = /^([1-9]\d*|([1-9]\d?|100)%)$/;

/** All issues of an NNCP form; fields are form fields ('nic', 'bond.ports[1]', 'vlanId', 'nodeSelector.<key>'). */
export const validateNNCP = (form: NNCPForm, ctx: ClusterContext = {}): FieldIssue[] => {
  const states = getSelectedNodeStates(ctx, form.nodeSelector);
  const nodes = getSelectedNodeNames(ctx, form.nodeSelector);
  const maxUnavailable = form.maxUnavailable?.trim();
  return [
    ...validateSubdomainName('name', form.name),
    ...nncpNameRule(form.name.trim(), 'name', ctx),
    ...validateLabelMap('nodeSelector', form.nodeSelector),
    ...(Object.keys(form.nodeSelector).length > 256 ? [err('nodeSelector', 'too-many', { max: 256 })] : []),
    // kubernetes-nmstate #1348: a policy matching no node reports nothing useful.
    ...(nodes && nodes.length === 0 ? [warn('nodeSelector', 'node-selector-no-nodes')] : []),
    ...(maxUnavailable && !MAX_UNAVAILABLE.test(maxUnavailable)
      ? [err('maxUnavailable', 'max-unavailable')]
      : []),
    // An edit that removes the modelled interface (state: absent) configures nothing else to check.
    ...(form.edit?.absent.includes(form.edit.originalName)
      ? []
      : [
          ...validateKindFields(form, ctx, states),
          ...validateUplink(form, states),
          ...validateMtu(form, states),
          ...(hasIp(form)
            ? [
                ...validateIpForm(form.ipv4, form.ipv6, nodes?.length),
                ...validateIpOnNodes(form.ipv4, form.ipv6, form.edit?.originalName, states),
              ]
            : []),
        ]),
  ];
};
