import { describe, expect, it } from 'vitest';
import type { VMI, VMInterface, VMNetwork } from '../kube/vm';
import { aVM, aVMI, anInterfaceForm } from '../testing/fixtures';
import { type InterfaceForm, specOfForm } from './form';
import {
  canHotUnplug,
  hotplugBlocker,
  hotplugPlan,
  isPendingHotplug,
  isPendingUnplug,
  removalMode,
} from './hotplug';

const pod: VMNetwork = { name: 'n', pod: {} };
const nad: VMNetwork = { name: 'n', multus: { networkName: 'br-net' } };
const defaultMultus: VMNetwork = { name: 'n', multus: { networkName: 'br-net', default: true } };

describe('canHotUnplug (KubeVirt admitter: bridge binding, not on the default network)', () => {
  it.each<{ what: string; iface: VMInterface; net: VMNetwork | undefined; expected: boolean }>([
    { what: 'bridge on a NAD', iface: { name: 'n', bridge: {} }, net: nad, expected: true },
    { what: 'bridge on the pod network', iface: { name: 'n', bridge: {} }, net: pod, expected: false },
    {
      what: 'bridge on a multus default network',
      iface: { name: 'n', bridge: {} },
      net: defaultMultus,
      expected: false,
    },
    {
      what: 'masquerade on the pod network',
      iface: { name: 'n', masquerade: {} },
      net: pod,
      expected: false,
    },
    { what: 'SR-IOV on a NAD', iface: { name: 'n', sriov: {} }, net: nad, expected: false },
    { what: 'no binding written on a NAD', iface: { name: 'n' }, net: nad, expected: false },
    {
      what: 'a binding plugin named bridge',
      iface: { name: 'n', binding: { name: 'bridge' } },
      net: nad,
      expected: false,
    },
    { what: 'bridge without a network', iface: { name: 'n', bridge: {} }, net: undefined, expected: false },
  ])('$what → $expected', ({ iface, net, expected }) => {
    expect(canHotUnplug(iface, net)).toBe(expected);
  });
});

describe('removalMode', () => {
  it.each<{
    what: string;
    iface: VMInterface;
    net: VMNetwork;
    running: boolean;
    mode: string;
    restart: boolean;
  }>([
    {
      what: 'running, bridge on a NAD',
      iface: { name: 'n', bridge: {} },
      net: nad,
      running: true,
      mode: 'absent',
      restart: false,
    },
    // Issue #14 point 7: KubeVirt refuses `state: absent` on the pod network; the NIC leaves at restart.
    {
      what: 'running, bridge on the pod network',
      iface: { name: 'n', bridge: {} },
      net: pod,
      running: true,
      mode: 'removed',
      restart: true,
    },
    {
      what: 'stopped, bridge on a NAD',
      iface: { name: 'n', bridge: {} },
      net: nad,
      running: false,
      mode: 'removed',
      restart: false,
    },
    {
      what: 'running, SR-IOV',
      iface: { name: 'n', sriov: {} },
      net: nad,
      running: true,
      mode: 'removed',
      restart: true,
    },
  ])('$what: $mode', ({ iface, net, running, mode, restart }) => {
    expect(removalMode(iface, net, { running })).toEqual({ mode, needsRestart: restart });
  });
});

describe('hotplugBlocker', () => {
  it.each<{ what: string; iface: VMInterface; net: VMNetwork; expected: string | undefined }>([
    {
      what: 'bridge + virtio on a NAD',
      iface: { name: 'n', bridge: {}, model: 'virtio' },
      net: nad,
      expected: undefined,
    },
    {
      what: 'bridge, model left out (virtio)',
      iface: { name: 'n', bridge: {} },
      net: nad,
      expected: undefined,
    },
    {
      what: 'bridge + e1000e',
      iface: { name: 'n', bridge: {}, model: 'e1000e' },
      net: nad,
      expected: 'model',
    },
    { what: 'SR-IOV', iface: { name: 'n', sriov: {} }, net: nad, expected: undefined },
    {
      what: 'a binding plugin',
      iface: { name: 'n', binding: { name: 'passt' } },
      net: nad,
      expected: 'binding',
    },
    { what: 'the pod network', iface: { name: 'n', bridge: {} }, net: pod, expected: 'default-network' },
  ])('$what → $expected', ({ iface, net, expected }) => {
    expect(hotplugBlocker(iface, net)).toBe(expected);
  });
});

describe('hotplugPlan', () => {
  const form = anInterfaceForm;
  const running = aVMI({});
  it.each<{ what: string; vmi: VMI | undefined; form: InterfaceForm; plan: string }>([
    { what: 'stopped VM', vmi: undefined, form: form(), plan: 'stopped' },
    { what: 'VMI not running yet', vmi: aVMI({ phase: 'Scheduling' }), form: form(), plan: 'stopped' },
    { what: 'bridge + virtio on a NAD', vmi: running, form: form(), plan: 'hotplug' },
    { what: 'bridge + e1000e', vmi: running, form: form({ model: 'e1000e' }), plan: 'restart-required' },
    {
      what: 'SR-IOV',
      vmi: running,
      form: form({ binding: 'sriov', networkId: 'ns1/sriov' }),
      plan: 'hotplug',
    },
    {
      what: 'pod network masquerade',
      vmi: running,
      form: form({ networkId: 'pod', binding: 'masquerade' }),
      plan: 'restart-required',
    },
    {
      what: 'primary UDN l2bridge',
      vmi: running,
      form: form({ networkId: 'primary-udn', binding: 'l2bridge' }),
      plan: 'restart-required',
    },
    {
      what: 'edit: link state only',
      vmi: running,
      form: form({ name: 'nic1', networkId: 'ns1/nic1-net', linkState: 'down' }),
      plan: 'live',
    },
    {
      what: 'edit: model',
      vmi: running,
      form: form({ name: 'nic1', networkId: 'ns1/nic1-net', model: 'e1000e' }),
      plan: 'restart-required',
    },
    {
      what: 'edit: network',
      vmi: running,
      form: form({ name: 'nic1', networkId: 'ns1/other' }),
      plan: 'restart-required',
    },
    {
      what: 'edit: a static IP (cloud-init, read at boot)',
      vmi: running,
      form: form({ name: 'nic1', networkId: 'ns1/nic1-net', staticIp: '10.0.0.5/24' }),
      plan: 'restart-required',
    },
  ])('$what: $plan', ({ vmi, form: f, plan }) => {
    const vm = aVM({ nics: ['default', 'nic1'], running: true });
    expect(hotplugPlan(vm, vmi, specOfForm(vm, f))).toBe(plan);
  });
});

describe('pending detection', () => {
  const bridge: VMInterface = { name: 'nic1', bridge: {} };
  it.each<{
    what: string;
    iface: VMInterface;
    vmi: VMI | undefined;
    inVmiSpec: boolean;
    reported: boolean;
    expected: boolean;
  }>([
    {
      what: 'stopped VM: nothing to plug',
      iface: bridge,
      vmi: undefined,
      inVmiSpec: false,
      reported: false,
      expected: false,
    },
    {
      what: 'not in the VMI spec yet',
      iface: bridge,
      vmi: aVMI({}),
      inVmiSpec: false,
      reported: false,
      expected: true,
    },
    {
      what: 'in the VMI spec, status not yet',
      iface: bridge,
      vmi: aVMI({}),
      inVmiSpec: true,
      reported: false,
      expected: true,
    },
    {
      what: 'in the VMI spec and status',
      iface: bridge,
      vmi: aVMI({}),
      inVmiSpec: true,
      reported: true,
      expected: false,
    },
    {
      what: 'VMI still starting: the spec is enough',
      iface: bridge,
      vmi: aVMI({ phase: 'Scheduling' }),
      inVmiSpec: true,
      reported: false,
      expected: false,
    },
    {
      what: 'marked absent: an unplug, not a plug',
      iface: { ...bridge, state: 'absent' },
      vmi: aVMI({}),
      inVmiSpec: true,
      reported: true,
      expected: false,
    },
  ])('hot-plug: $what → $expected', ({ iface, vmi, inVmiSpec, reported, expected }) => {
    expect(isPendingHotplug(iface, vmi, inVmiSpec, reported)).toBe(expected);
  });

  it.each<{ what: string; iface: VMInterface; inVmSpec: boolean; expected: boolean }>([
    { what: 'in the VM spec', iface: bridge, inVmSpec: true, expected: false },
    { what: 'marked absent', iface: { ...bridge, state: 'absent' }, inVmSpec: true, expected: true },
    { what: 'gone from the VM, still on the VMI', iface: bridge, inVmSpec: false, expected: true },
  ])('unplug: $what → $expected', ({ iface, inVmSpec, expected }) => {
    expect(isPendingUnplug(iface, inVmSpec)).toBe(expected);
  });
});
