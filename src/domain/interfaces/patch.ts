/**
 * JSON-patch builders for VM interfaces. Every patch starts with a `test` on metadata.resourceVersion, so a
 * concurrent change (another user, or KubeVirt rewriting the arrays during hot-plug, kubevirt-plugin PR #2980)
 * makes the server answer 409 instead of silently losing one of the edits; each replace/remove at an index is
 * also preceded by a `test` of the entry it expects there.
 */
import type { PatchOp } from '../kube/meta';
import type { VM, VMInterface } from '../kube/vm';
import { hasImplicitPodInterface, implicitPodEntry, specInterfaces, specNetworks } from '../kube/vm';
import type { InterfaceForm } from './form';
import { isSecondary, toSpecInterface, toSpecNetwork } from './form';
import { networkDataTarget, withStaticIp, withoutStaticIp } from './networkData';
import { parseMac } from './mac';
import { type RemovalMode, removalMode } from './hotplug';

export const TEMPLATE = '/spec/template/spec';
export const IFACES = `${TEMPLATE}/domain/devices/interfaces`;
export const NETWORKS = `${TEMPLATE}/networks`;
export const AUTOATTACH = `${TEMPLATE}/domain/devices/autoattachPodInterface`;

/** Guard for the whole object: the server rejects the patch if the VM changed since we read it. */
export const resourceVersionTest = (vm: VM): PatchOp => ({
  op: 'test',
  path: '/metadata/resourceVersion',
  value: vm.metadata.resourceVersion,
});

/** The `ethernets` id a form's static IP is written under. */
export const staticIpId = (form: InterfaceForm): string =>
  form.macAddress ? form.name : (form.guestName ?? '');

const staticIpOps = (vm: VM, form: InterfaceForm, replace = false): PatchOp[] => {
  if (!form.staticIp || !isSecondary(form)) return [];
  const target = networkDataTarget(vm);
  // validateInterfaceForm reports these cases to the user; the builder just refuses to write.
  if (target.kind !== 'inline') return [];
  const parsed = form.macAddress ? parseMac(form.macAddress) : undefined;
  const mac = parsed && 'mac' in parsed ? parsed.mac : undefined;
  const res = withStaticIp(
    vm,
    target.networkData,
    { id: staticIpId(form), mac, cidr: form.staticIp },
    replace,
  );
  if ('error' in res) return [];
  const path = `${TEMPLATE}/volumes/${target.volumeIndex}/${target.key}/networkData`;
  return target.networkData === undefined
    ? [{ op: 'add', path, value: res.text }]
    : [
        { op: 'test', path, value: target.networkData },
        { op: 'replace', path, value: res.text },
      ];
};

/**
 * Add an interface and its network. Arrays are created when missing; when the VM relied on the implicit pod
 * interface, it is written out explicitly first, or adding a NIC would silently drop the VM's pod network.
 */
export const addInterfacePatch = (vm: VM, form: InterfaceForm): PatchOp[] => {
  const ns = vm.metadata.namespace ?? '';
  const iface = toSpecInterface(form);
  const net = toSpecNetwork(form, ns);
  const ops: PatchOp[] = [resourceVersionTest(vm)];
  if (hasImplicitPodInterface(vm)) {
    const pod = implicitPodEntry();
    const ifaces: VMInterface[] = [pod.iface, iface];
    ops.push({ op: 'add', path: IFACES, value: ifaces });
    ops.push({ op: 'add', path: NETWORKS, value: [pod.net, net] });
  } else {
    const hasIfaces = vm.spec.template.spec.domain.devices.interfaces !== undefined;
    const hasNets = vm.spec.template.spec.networks !== undefined;
    ops.push(
      hasIfaces
        ? { op: 'add', path: `${IFACES}/-`, value: iface }
        : { op: 'add', path: IFACES, value: [iface] },
    );
    ops.push(
      hasNets
        ? { op: 'add', path: `${NETWORKS}/-`, value: net }
        : { op: 'add', path: NETWORKS, value: [net] },
    );
  }
  return [...ops, ...staticIpOps(vm, form)];
};

/** Replace the interface and its network in place; fields the form does not own are kept. Name is fixed. */
export const editInterfacePatch = (vm: VM, form: InterfaceForm): PatchOp[] => {
  const ifaces = specInterfaces(vm);
  const nets = specNetworks(vm);
  const i = ifaces.findIndex((x) => x.name === form.name);
  const n = nets.findIndex((x) => x.name === form.name);
  const before = ifaces[i];
  if (!before || n < 0) return [];
  const net = toSpecNetwork(form, vm.metadata.namespace ?? '');
  return [
    resourceVersionTest(vm),
    { op: 'test', path: `${IFACES}/${i}`, value: before },
    { op: 'replace', path: `${IFACES}/${i}`, value: toSpecInterface(form, before) },
    { op: 'test', path: `${NETWORKS}/${n}`, value: nets[n] },
    { op: 'replace', path: `${NETWORKS}/${n}`, value: net },
    ...staticIpOps(vm, form, true),
  ];
};

/** The ops, and whether KubeVirt hot-unplugs the interface or the guest keeps it until restart (hotplug.ts). */
export type RemovePlan = { ops: PatchOp[] } & RemovalMode;

/**
 * `state: absent` when KubeVirt can hot-unplug the interface of a running VM (hotplug.ts `canHotUnplug`: bridge
 * binding, off the pod network); anything else is removed from the spec and leaves the guest at restart.
 */
export const removeInterfacePatch = (vm: VM, name: string, opts: { running: boolean }): RemovePlan => {
  if (hasImplicitPodInterface(vm) && name === 'default') {
    const ops: PatchOp[] = [resourceVersionTest(vm), { op: 'add', path: AUTOATTACH, value: false }];
    return { ops, mode: 'removed', needsRestart: opts.running };
  }
  const ifaces = specInterfaces(vm);
  const nets = specNetworks(vm);
  const i = ifaces.findIndex((x) => x.name === name);
  const iface = ifaces[i];
  if (!iface) return { ops: [], mode: 'removed', needsRestart: false };
  const n = nets.findIndex((x) => x.name === name);
  const removal = removalMode(iface, nets[n], opts);
  if (removal.mode === 'absent') {
    const ops: PatchOp[] = [
      resourceVersionTest(vm),
      { op: 'test', path: `${IFACES}/${i}`, value: iface },
      { op: 'replace', path: `${IFACES}/${i}`, value: { ...iface, state: 'absent' } },
    ];
    return { ops, ...removal };
  }
  const ops: PatchOp[] = [
    resourceVersionTest(vm),
    { op: 'test', path: `${IFACES}/${i}`, value: iface },
    { op: 'remove', path: `${IFACES}/${i}` },
  ];
  if (n >= 0)
    ops.push(
      { op: 'test', path: `${NETWORKS}/${n}`, value: nets[n] },
      { op: 'remove', path: `${NETWORKS}/${n}` },
    );
  // A static IP we wrote for this interface goes with it, so a later NIC can reuse the name.
  const target = networkDataTarget(vm);
  const cleaned = target.kind === 'inline' ? withoutStaticIp(target.networkData, name) : undefined;
  if (target.kind === 'inline' && cleaned !== undefined) {
    const path = `${TEMPLATE}/volumes/${target.volumeIndex}/${target.key}/networkData`;
    ops.push({ op: 'test', path, value: target.networkData }, { op: 'replace', path, value: cleaned });
  }
  return { ops, ...removal };
};

/** Link up/down; KubeVirt applies it to a running guest without restart. Empty `state` means up. */
export const setLinkStatePatch = (vm: VM, name: string, state: 'up' | 'down'): PatchOp[] => {
  const ifaces = specInterfaces(vm);
  const i = ifaces.findIndex((x) => x.name === name);
  const iface = ifaces[i];
  if (!iface || iface.state === 'absent') return [];
  return [
    resourceVersionTest(vm),
    { op: 'test', path: `${IFACES}/${i}`, value: iface },
    { op: 'replace', path: `${IFACES}/${i}`, value: { ...iface, state } },
  ];
};
