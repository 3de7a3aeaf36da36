/**
 * KubeVirt's hot-plug rules for VM interfaces, in one place: which interface can be hot-plugged into a running
 * VM, which can be hot-unplugged (`state: absent`), what applying a form does to a running VM, and when a row is
 * still waiting for a plug or an unplug. The patch builders (patch.ts), the rows (rows.ts), the change plan and
 * the manifest linter (manifests/vm/vmNetworks.ts) all ask this module.
 *
 * The rules, from kubevirt/kubevirt:
 * - Hot-plug: the VM controller copies a new interface into the running VMI only when its binding is `bridge`
 *   or `sriov` (pkg/network/controllers/vm.go, applyDynamicIfaceRequestOnVMI); a new interface on the pod
 *   network needs a restart (pkg/network/vmliveupdate/restart.go); virt-launcher hot-plugs virtio devices
 *   (user guide "Hotplug Network Interfaces").
 * - Hot-unplug: the VM admitter accepts `state: absent` only on an interface with the `bridge` binding method
 *   ("supported only for bridge binding") that is not on the default network, i.e. neither `pod` nor a multus
 *   network marked `default` ("is not supported on default networks"): pkg/network/admitter,
 *   validateInterfaceStateValue. A binding left out is not `bridge` for this check (it tests `iface.Bridge`).
 */
import type { VM, VMI, VMInterface, VMNetwork } from '../kube/vm';
import { specInterfaces, specNetworks } from '../kube/vm';
import { jsonEqual } from './equal';

/** The only model virt-launcher hot-plugs; KubeVirt's default when `model` is left out. */
export const HOTPLUG_MODEL = 'virtio';

/** The VM's default network: the pod network, or a multus network marked `default` (KubeVirt's LookUpDefaultNetwork). */
export const isDefaultNetwork = (net: VMNetwork): boolean =>
  net.pod !== undefined || net.multus?.default === true;

/** A secondary (multus, non-default) network: the only kind an interface can be hot-plugged onto. */
export const isSecondaryNetwork = (net: VMNetwork | undefined): boolean =>
  net?.multus !== undefined && net.multus.default !== true;

/** Why an interface cannot be hot-plugged into a running VM (it waits for a restart instead). */
export type NoHotplugReason = 'default-network' | 'binding' | 'model';

/**
 * Can this new interface (with its network) be hot-plugged into a running VM? `sriov` plugs through a live
 * migration; `bridge` needs the virtio model.
 */
export const hotplugBlocker = (
  iface: VMInterface,
  net: VMNetwork | undefined,
): NoHotplugReason | undefined => {
  if (!isSecondaryNetwork(net)) return 'default-network';
  if (iface.sriov !== undefined) return undefined;
  if (iface.bridge === undefined) return 'binding';
  return (iface.model ?? HOTPLUG_MODEL) === HOTPLUG_MODEL ? undefined : 'model';
};

export const canHotplug = (iface: VMInterface, net: VMNetwork | undefined): boolean =>
  hotplugBlocker(iface, net) === undefined;

/**
 * Can KubeVirt hot-unplug this interface (`state: absent`)? Only the bridge binding method, off the default
 * network. Anything else is removed from the spec and leaves the guest at the next restart.
 */
export const canHotUnplug = (iface: VMInterface, net: VMNetwork | undefined): boolean =>
  iface.bridge !== undefined && net !== undefined && !isDefaultNetwork(net);

/**
 * What removing an interface from a VM does: `absent` asks KubeVirt to hot-unplug it (it then drops it from the
 * spec itself); `removed` deletes it from the spec, and a running guest keeps the NIC until restart.
 */
export type RemovalMode = { mode: 'absent' | 'removed'; needsRestart: boolean };

export const removalMode = (
  iface: VMInterface,
  net: VMNetwork | undefined,
  opts: { running: boolean },
): RemovalMode =>
  opts.running && canHotUnplug(iface, net)
    ? { mode: 'absent', needsRestart: false }
    : { mode: 'removed', needsRestart: opts.running };

export type HotplugPlan = 'hotplug' | 'live' | 'restart-required' | 'stopped';

/**
 * What applying an interface to a VM does. `before`: the VM's current entry of that name (an edit), if any;
 * `after`: the entry and network the form writes. New interfaces: hot-plug when `canHotplug`, else a restart.
 * Edits: a change of `state` alone (link up/down) applies live; any other change, or a static IP (cloud-init
 * network data, read at boot), needs a restart. A stopped VM picks everything up at its next start.
 */
export const hotplugPlan = (
  vm: VM,
  vmi: VMI | undefined,
  after: { iface: VMInterface; net: VMNetwork; staticIp: boolean },
): HotplugPlan => {
  if (!vmi || vmi.status?.phase !== 'Running') return 'stopped';
  const name = after.iface.name;
  const before = specInterfaces(vm).find((x) => x.name === name);
  if (before) {
    // Compare without `state` (live) and with KubeVirt's model default filled in.
    const { state: _a, ...was } = { ...before, model: before.model ?? HOTPLUG_MODEL };
    const { state: _b, ...now } = after.iface;
    const sameNet = jsonEqual(
      specNetworks(vm).find((x) => x.name === name),
      after.net,
    );
    return jsonEqual(was, now) && sameNet && !after.staticIp ? 'live' : 'restart-required';
  }
  return canHotplug(after.iface, after.net) ? 'hotplug' : 'restart-required';
};

/**
 * Row flags for a VM spec interface. Hot-plug is pending until the VMI spec has the interface and, on a running
 * VMI, its status reports it; an interface marked `absent` is pending unplug until KubeVirt drops it.
 */
export const isPendingHotplug = (
  iface: VMInterface,
  vmi: VMI | undefined,
  inVmiSpec: boolean,
  reported: boolean,
): boolean => {
  if (vmi === undefined || iface.state === 'absent') return false;
  const plugged = inVmiSpec && (vmi.status?.phase !== 'Running' || reported);
  return !plugged;
};

/** `state: absent` in the VM spec, or (`inVmSpec` false) removed from the VM but still on the VMI. */
export const isPendingUnplug = (iface: VMInterface, inVmSpec: boolean): boolean =>
  !inVmSpec || iface.state === 'absent';
