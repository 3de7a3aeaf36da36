import { describe, expect, it } from 'vitest';
import type { VM, VMInterface, VMNetwork } from '../../kube/vm';
import { buildNADManifest, emptyNADForm } from '../nad/nad';
import { codes } from '../../testing/manifests';
import { nadIndex, parseMac, validateVMNetworks } from './vmNetworks';
import { removeInterfacePatch } from '../../interfaces/patch';
import { applyPatch } from '../../kube/jsonPatch';

const aVMWith = (interfaces: VMInterface[], networks: VMNetwork[]): VM => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', namespace: 'tenant-a' },
  spec: { template: { spec: { domain: { devices: { interfaces } }, networks } } },
});

const pod: VMNetwork = { name: 'default', pod: {} };
const multus = (name: string, networkName: string): VMNetwork => ({ name, multus: { networkName } });
const masq: VMInterface = { name: 'default', masquerade: {} };

const nads = nadIndex([
  buildNADManifest({ ...emptyNADForm('bridge', 'tenant-a'), name: 'br', bridge: 'br1' }),
  buildNADManifest({ ...emptyNADForm('layer2', 'tenant-a'), name: 'l2' }),
  {
    apiVersion: 'k8s.cni.cncf.io/v1',
    kind: 'NetworkAttachmentDefinition',
    metadata: { name: 'sriov-net', namespace: 'tenant-a' },
    spec: { config: '{"type":"sriov","name":"sriov-net"}' },
  },
]);

const errors = (vm: VM) => codes(validateVMNetworks(vm, nads), 'error');

describe('validateVMNetworks', () => {
  it.each([
    ['pod network with masquerade', aVMWith([masq], [pod])],
    ['bridge secondary', aVMWith([masq, { name: 'n1', bridge: {} }], [pod, multus('n1', 'br')])],
    [
      'sriov on an SR-IOV NAD in another namespace syntax',
      aVMWith([{ name: 'n1', sriov: {} }], [multus('n1', 'tenant-a/sriov-net')]),
    ],
    [
      'hot-unplug of a bridge secondary',
      aVMWith([masq, { name: 'n1', bridge: {}, state: 'absent' }], [pod, multus('n1', 'br')]),
    ],
    ['link down', aVMWith([{ ...masq, state: 'down' }], [pod])],
    [
      'l2bridge binding plugin on the pod network',
      aVMWith([{ name: 'default', binding: { name: 'l2bridge' } }], [pod]),
    ],
    ['MAC with colons', aVMWith([{ ...masq, macAddress: '02:00:00:00:00:01' }], [pod])],
    ['MAC with dots', aVMWith([{ ...masq, macAddress: '0200.0000.0001' }], [pod])],
    [
      'unknown NAD with sriov (cannot tell)',
      aVMWith([{ name: 'n1', sriov: {} }], [multus('n1', 'other-ns/unknown')]),
    ],
    // Multus checks the label pattern of each part, not its length (a NAD name may be up to 253 characters).
    [
      'a NAD name longer than 63 characters',
      aVMWith([{ name: 'n1', bridge: {} }], [multus('n1', 'n'.repeat(70))]),
    ],
  ])('valid: %s', (_, vm) => {
    expect(errors(vm)).toEqual([]);
  });

  it.each([
    [
      'interface without network',
      aVMWith([masq, { name: 'n1', bridge: {} }], [pod]),
      ['vm-iface-no-network@interfaces[1].name'],
    ],
    [
      'network without interface',
      aVMWith([masq], [pod, multus('n1', 'br')]),
      ['vm-network-no-iface@networks[1].name'],
    ],
    ['duplicate interface names', aVMWith([masq, masq], [pod]), ['vm-duplicate-name@interfaces[1].name']],
    [
      'two bindings',
      aVMWith([{ name: 'default', masquerade: {}, bridge: {} }], [pod]),
      ['vm-binding-count@interfaces[0]'],
    ],
    [
      'masquerade on multus',
      aVMWith([{ name: 'n1', masquerade: {} }], [multus('n1', 'br')]),
      ['vm-binding-network@interfaces[0]'],
    ],
    [
      'sriov on the pod network',
      aVMWith([{ name: 'default', sriov: {} }], [pod]),
      ['vm-binding-network@interfaces[0]'],
    ],
    [
      'bridge on an SR-IOV NAD',
      aVMWith([{ name: 'n1', bridge: {} }], [multus('n1', 'sriov-net')]),
      ['vm-binding-network@interfaces[0]'],
    ],
    [
      'sriov on a bridge NAD',
      aVMWith([{ name: 'n1', sriov: {} }], [multus('n1', 'br')]),
      ['vm-binding-network@interfaces[0]'],
    ],
    [
      'absent on the pod network',
      aVMWith([{ ...masq, state: 'absent' }], [pod]),
      ['vm-absent-binding@interfaces[0].state'],
    ],
    [
      // KubeVirt's admitter: `absent` is not supported on the default network, whatever the binding.
      'absent on a bridge-binding interface on the pod network',
      aVMWith([{ name: 'default', bridge: {}, state: 'absent' }], [pod]),
      ['vm-absent-binding@interfaces[0].state'],
    ],
    [
      'absent without the bridge binding written',
      aVMWith([masq, { name: 'n1', state: 'absent' }], [pod, multus('n1', 'br')]),
      ['vm-absent-binding@interfaces[1].state', 'vm-binding-count@interfaces[1]'],
    ],
    [
      'absent on sriov',
      aVMWith([{ name: 'n1', sriov: {}, state: 'absent' }], [multus('n1', 'sriov-net')]),
      ['vm-absent-binding@interfaces[0].state'],
    ],
    [
      'unknown state',
      aVMWith([{ ...masq, state: 'off' as never }], [pod]),
      ['vm-link-state@interfaces[0].state'],
    ],
    [
      'bad MAC',
      aVMWith([{ ...masq, macAddress: '0123.4567x89ab' }], [pod]),
      ['mac-format@interfaces[0].macAddress'],
    ],
    [
      'MAC with a trailing space (KubeVirt parses the value as written)',
      aVMWith([{ ...masq, macAddress: '02:00:00:00:00:01 ' }], [pod]),
      ['surrounding-space@interfaces[0].macAddress'],
    ],
    [
      'mixed separators',
      aVMWith([{ ...masq, macAddress: '02:00-00:00:00:01' }], [pod]),
      ['mac-format@interfaces[0].macAddress'],
    ],
    [
      'multicast MAC',
      aVMWith([{ ...masq, macAddress: '01:00:5e:00:00:01' }], [pod]),
      ['mac-multicast@interfaces[0].macAddress'],
    ],
    [
      'duplicate MAC (any spelling)',
      aVMWith(
        [
          { ...masq, macAddress: '02:00:00:00:00:01' },
          { name: 'n1', bridge: {}, macAddress: '02-00-00-00-00-01' },
        ],
        [pod, multus('n1', 'br')],
      ),
      ['mac-duplicate@interfaces[1].macAddress'],
    ],
    [
      'two pod networks',
      aVMWith([masq, { name: 'p2', masquerade: {} }], [pod, { name: 'p2', pod: {} }]),
      ['vm-pod-network-twice@networks[1]'],
    ],
    [
      'network with pod and multus',
      aVMWith([masq], [{ name: 'default', pod: {}, multus: { networkName: 'br' } }]),
      ['vm-network-source@networks[0]'],
    ],
    [
      'bad networkName',
      aVMWith([{ name: 'n1', bridge: {} }], [multus('n1', 'a/b/c')]),
      ['vm-network-name@networks[0].multus.networkName'],
    ],
    [
      'overlay NAD twice',
      aVMWith(
        [
          { name: 'n1', bridge: {} },
          { name: 'n2', bridge: {} },
        ],
        [multus('n1', 'l2'), multus('n2', 'tenant-a/l2')],
      ),
      ['vm-nad-overlay-twice@networks[1].multus.networkName'],
    ],
  ])('error: %s', (_, vm, expected) => {
    expect(errors(vm)).toEqual(expected);
  });

  // pkg/network/admitter/admit.go: up and down are refused on an SR-IOV NIC (absent is the hot-unplug rule).
  it.each(['down', 'up'] as const)('refuses link state %s on an SR-IOV interface', (state) => {
    const vm = aVMWith([{ name: 'n1', sriov: {}, state }], [multus('n1', 'sriov-net')]);
    expect(errors(vm)).toEqual(['vm-link-state-sriov@interfaces[0].state']);
  });

  // KubeVirt accepts an all-zero MAC; the guest's virtio driver replaces it with a random one.
  it('warns about the all-zero MAC', () => {
    const vm = aVMWith([{ ...masq, macAddress: '00:00:00:00:00:00' }], [pod]);
    expect(errors(vm)).toEqual([]);
    expect(codes(validateVMNetworks(vm, nads), 'warning')).toEqual(['mac-zero@interfaces[0].macAddress']);
  });

  it('accepts a VM without networks at all', () => {
    expect(validateVMNetworks(aVMWith([], []))).toEqual([]);
  });
});

describe('parseMac', () => {
  it.each([
    ['AA:BB:CC:DD:EE:FF', 'aa:bb:cc:dd:ee:ff'],
    ['aa-bb-cc-dd-ee-ff', 'aa:bb:cc:dd:ee:ff'],
    ['aabb.ccdd.eeff', 'aa:bb:cc:dd:ee:ff'],
    ['aa:bb:cc:dd:ee', undefined],
    ['aa:bb:cc:dd:ee:ff:00:11', undefined],
    ['aabbccddeeff', undefined],
  ])('%s → %s', (mac, hex) => {
    expect(parseMac(mac)).toBe(hex);
  });
});

// Issue #14 point 7: the patch builder's removal and the linter follow the one rule (interfaces/hotplug.ts), so
// whatever "Remove" sends for a running VM, the linter accepts.
describe('validateVMNetworks agrees with removeInterfacePatch', () => {
  it.each<{ what: string; iface: VMInterface; net: VMNetwork }>([
    { what: 'bridge on a NAD', iface: { name: 'n1', bridge: {} }, net: multus('n1', 'br') },
    { what: 'bridge on the pod network', iface: { name: 'n1', bridge: {} }, net: { name: 'n1', pod: {} } },
    { what: 'SR-IOV', iface: { name: 'n1', sriov: {} }, net: multus('n1', 'sriov-net') },
    {
      what: 'masquerade on the pod network',
      iface: { name: 'n1', masquerade: {} },
      net: { name: 'n1', pod: {} },
    },
  ])('$what', ({ iface, net }) => {
    const other: VMInterface = { name: 'n2', bridge: {} };
    const vm = {
      ...aVMWith([iface, other], [net, multus('n2', 'l2')]),
      metadata: { name: 'vm1', namespace: 'tenant-a', resourceVersion: '1' },
    };
    const after = applyPatch(vm, removeInterfacePatch(vm, 'n1', { running: true }).ops);
    expect(codes(validateVMNetworks(after, nads), 'error')).toEqual([]);
  });
});
