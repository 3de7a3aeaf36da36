// KubeVirt's VM admission rules (kubevirt/kubevirt pkg/network/admitter, vmi-create-admitter.go), one named case
// per rule, through the VM validator the CLI and the wizards use.
import { describe, expect, it } from 'vitest';
import type { VM, VMInterface, VMNetwork } from '../../kube/vm';
import { codes } from '../../testing/manifests';
import { isValidPortName } from './admitterRules';
import { validateVMNetworks } from './vmNetworks';

const aVM = (interfaces: VMInterface[], networks: VMNetwork[], spec: Record<string, unknown> = {}): VM => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', namespace: 'tenant-a' },
  spec: { template: { spec: { domain: { devices: { interfaces } }, networks, ...spec } } },
});
const pod: VMNetwork = { name: 'default', pod: {} };
const masq = (over: Partial<VMInterface> = {}): VMInterface => ({ name: 'default', masquerade: {}, ...over });
const br = (name: string, over: Partial<VMInterface> = {}): VMInterface => ({ name, bridge: {}, ...over });
const multus = (name: string, networkName = 'br'): VMNetwork => ({ name, multus: { networkName } });
const errors = (vm: VM) => codes(validateVMNetworks(vm), 'error');
const warnings = (vm: VM) => codes(validateVMNetworks(vm), 'warning');

describe('KubeVirt VM admission rules', () => {
  it.each<[string, VM]>([
    [
      'every model KubeVirt knows',
      aVM([masq({ model: 'e1000e' }), br('n1', { model: 'igb' })], [pod, multus('n1')]),
    ],
    ['a PCI address', aVM([masq({ pciAddress: '0000:81:00.1' })], [pod])],
    [
      'named ports on the pod network',
      aVM(
        [
          masq({
            ports: [
              { name: 'http', port: 80 },
              { port: 53, protocol: 'UDP' },
            ],
          }),
        ],
        [pod],
      ),
    ],
    [
      'ports on a secondary network are not read',
      aVM([masq(), br('n1', { ports: [{ port: 0 }] })], [pod, multus('n1')]),
    ],
    [
      'DHCP options',
      aVM(
        [masq({ dhcpOptions: { privateOptions: [{ option: 240, value: 'x' }], ntpServers: ['10.0.0.1'] } })],
        [pod],
      ),
    ],
    [
      'boot orders 1 and 2 over a disk and an interface',
      aVM([masq({ bootOrder: 2 })], [pod], {
        domain: { devices: { interfaces: [masq({ bootOrder: 2 })], disks: [{ name: 'd', bootOrder: 1 }] } },
      }),
    ],
    [
      'an httpGet probe with the pod network',
      aVM([masq()], [pod], { readinessProbe: { httpGet: { port: 80 } } }),
    ],
    ['interface name with "_" and "-"', aVM([masq({ name: 'nic_1-a' })], [{ name: 'nic_1-a', pod: {} }])],
  ])('accepts %s', (_, vm) => {
    expect(errors(vm)).toEqual([]);
  });

  it.each<[string, VM, string[]]>([
    // binding.go validateInterfaceBindingExists
    ['an interface without a binding', aVM([{ name: 'default' }], [pod]), ['vm-binding-count@interfaces[0]']],
    // binding.go validateMasqueradeBinding
    [
      'masquerade on a multus default network',
      aVM([masq()], [{ name: 'default', multus: { networkName: 'br', default: true } }]),
      ['vm-binding-network@interfaces[0]'],
    ],
    [
      'masquerade with the in-pod bridge MAC',
      aVM([masq({ macAddress: '02:00:00:00:00:00' })], [pod]),
      ['mac-reserved@interfaces[0].macAddress'],
    ],
    // passt.go
    [
      'passtBinding on a secondary network',
      aVM([{ name: 'n1', passtBinding: {} }], [multus('n1')]),
      ['vm-binding-network@interfaces[0]'],
    ],
    // discontinued.go
    [
      'the discontinued slirp binding',
      aVM([{ name: 'default', slirp: {} }], [pod]),
      ['vm-binding-count@interfaces[0]', 'vm-binding-discontinued@interfaces[0].slirp'],
    ],
    [
      'the discontinued macvtap binding',
      aVM([{ name: 'n1', macvtap: {} }], [multus('n1')]),
      ['vm-binding-count@interfaces[0]', 'vm-binding-discontinued@interfaces[0].macvtap'],
    ],
    [
      'the discontinued passt binding',
      aVM([{ name: 'default', passt: {} }], [pod]),
      ['vm-binding-count@interfaces[0]', 'vm-binding-discontinued@interfaces[0].passt'],
    ],
    // netiface.go validateInterfaceNameFormat / validateInterfaceModel / validatePciAddress
    [
      'an interface name with a dot',
      aVM([masq({ name: 'nic.1' })], [{ name: 'nic.1', pod: {} }]),
      ['vm-iface-name@interfaces[0].name'],
    ],
    ['an unknown model', aVM([masq({ model: 'vmxnet3' })], [pod]), ['vm-iface-model@interfaces[0].model']],
    [
      'a PCI address without the domain',
      aVM([masq({ pciAddress: '81:00.1' })], [pod]),
      ['vm-pci-address@interfaces[0].pciAddress'],
    ],
    // netiface.go validatePortConfiguration
    ['port 0', aVM([masq({ ports: [{ port: 0 }] })], [pod]), ['required@interfaces[0].ports[0].port']],
    [
      'port 65536',
      aVM([masq({ ports: [{ port: 65536 }] })], [pod]),
      ['vm-port-range@interfaces[0].ports[0].port'],
    ],
    [
      'protocol SCTP',
      aVM([masq({ ports: [{ port: 80, protocol: 'SCTP' }] })], [pod]),
      ['vm-port-protocol@interfaces[0].ports[0].protocol'],
    ],
    [
      'a port name twice',
      aVM(
        [
          masq({
            ports: [
              { name: 'web', port: 80 },
              { name: 'web', port: 81 },
            ],
          }),
        ],
        [pod],
      ),
      ['vm-port-name-duplicate@interfaces[0].ports[1].name'],
    ],
    [
      'a port name that is not an IANA service name',
      aVM([masq({ ports: [{ name: 'HTTP', port: 80 }] })], [pod]),
      ['vm-port-name@interfaces[0].ports[0].name'],
    ],
    // netiface.go validatePortRangesConfiguration
    [
      'portRanges with ports',
      aVM([masq({ ports: [{ port: 22 }], portRanges: [{ protocol: 'TCP', start: 80, end: 90 }] })], [pod]),
      ['vm-port-ranges-with-ports@interfaces[0].portRanges'],
    ],
    [
      'portRanges on a bridge binding',
      aVM([{ name: 'default', bridge: {}, portRanges: [{ protocol: 'TCP', start: 80, end: 90 }] }], [pod]),
      ['vm-port-ranges-masquerade@interfaces[0].portRanges'],
    ],
    [
      'more than 10 portRanges',
      aVM(
        [
          masq({
            portRanges: Array.from({ length: 11 }, (_, k) => ({
              protocol: 'TCP',
              start: k * 10 + 1,
              end: k * 10 + 5,
            })),
          }),
        ],
        [pod],
      ),
      ['too-many@interfaces[0].portRanges'],
    ],
    [
      'a port range upside down',
      aVM([masq({ portRanges: [{ protocol: 'TCP', start: 90, end: 80 }] })], [pod]),
      ['vm-port-range-order@interfaces[0].portRanges[0].start'],
    ],
    [
      'a port range ending past 65535',
      aVM([masq({ portRanges: [{ protocol: 'UDP', start: 1, end: 70000 }] })], [pod]),
      ['vm-port-range@interfaces[0].portRanges[0].end'],
    ],
    [
      'a port range without protocol',
      aVM([masq({ portRanges: [{ start: 1, end: 2 }] })], [pod]),
      ['vm-port-protocol@interfaces[0].portRanges[0].protocol'],
    ],
    [
      'overlapping TCP port ranges',
      aVM(
        [
          masq({
            portRanges: [
              { protocol: 'TCP', start: 80, end: 90 },
              { protocol: 'TCP', start: 85, end: 95 },
              { protocol: 'UDP', start: 85, end: 95 },
            ],
          }),
        ],
        [pod],
      ),
      ['vm-port-ranges-overlap@interfaces[0].portRanges[1]'],
    ],
    // netiface.go validateDHCPOptions
    [
      'a DHCP private option outside 224–254',
      aVM([masq({ dhcpOptions: { privateOptions: [{ option: 100, value: 'x' }] } })], [pod]),
      ['vm-dhcp-option-range@interfaces[0].dhcpOptions.privateOptions[0].option'],
    ],
    [
      'a DHCP private option twice',
      aVM(
        [
          masq({
            dhcpOptions: {
              privateOptions: [
                { option: 240, value: 'a' },
                { option: 240, value: 'b' },
              ],
            },
          }),
        ],
        [pod],
      ),
      ['vm-dhcp-option-duplicate@interfaces[0].dhcpOptions.privateOptions[1].option'],
    ],
    [
      'an IPv6 NTP server',
      aVM([masq({ dhcpOptions: { ntpServers: ['fd00::1'] } })], [pod]),
      ['vm-ntp-server@interfaces[0].dhcpOptions.ntpServers[0]'],
    ],
    // netsource.go validateMultusNetworkSource
    [
      'a multus network without networkName',
      aVM([br('n1')], [{ name: 'n1', multus: {} as VMNetwork['multus'] & object }]),
      ['required@networks[0].multus.networkName'],
    ],
    // vmi-create-admitter.go validateInterfaceBootOrder
    ['boot order 0', aVM([masq({ bootOrder: 0 })], [pod]), ['vm-boot-order@interfaces[0].bootOrder']],
    [
      'a boot order a disk already has',
      aVM([masq({ bootOrder: 1 })], [pod], {
        domain: { devices: { interfaces: [masq({ bootOrder: 1 })], disks: [{ name: 'd', bootOrder: 1 }] } },
      }),
      ['vm-boot-order-duplicate@interfaces[0].bootOrder'],
    ],
    // vmi-create-admitter.go appendStatusCauseForProbeNotAllowedWithNoPodNetworkPresent
    [
      'a tcpSocket probe without the pod network',
      aVM([br('n1')], [multus('n1')], { livenessProbe: { tcpSocket: { port: 22 } } }),
      ['vm-probe-pod-network@livenessProbe.tcpSocket'],
    ],
    // dra.go
    [
      'a DRA network on a bridge interface',
      aVM([br('n1')], [{ name: 'n1', resourceClaim: { claimName: 'c', requestName: 'r' } } as VMNetwork], {
        resourceClaims: [{ name: 'c' }],
      }),
      ['vm-dra-sriov@networks[0]'],
    ],
    [
      'a DRA network without requestName',
      aVM([{ name: 'n1', sriov: {} }], [{ name: 'n1', resourceClaim: { claimName: 'c' } } as VMNetwork], {
        resourceClaims: [{ name: 'c' }],
      }),
      ['required@networks[0].resourceClaim.requestName'],
    ],
    [
      'a DRA claim not declared',
      aVM(
        [{ name: 'n1', sriov: {} }],
        [{ name: 'n1', resourceClaim: { claimName: 'c', requestName: 'r' } } as VMNetwork],
      ),
      ['vm-dra-claim-unknown@networks[0].resourceClaim.claimName'],
    ],
    [
      'the same DRA claim and request twice',
      aVM(
        [
          { name: 'n1', sriov: {} },
          { name: 'n2', sriov: {} },
        ],
        [
          { name: 'n1', resourceClaim: { claimName: 'c', requestName: 'r' } } as VMNetwork,
          { name: 'n2', resourceClaim: { claimName: 'c', requestName: 'r' } } as VMNetwork,
        ],
        { resourceClaims: [{ name: 'c' }] },
      ),
      ['vm-dra-duplicate@networks[1]'],
    ],
    [
      'DRA and multus networks together',
      aVM(
        [{ name: 'n1', sriov: {} }, br('n2')],
        [{ name: 'n1', resourceClaim: { claimName: 'c', requestName: 'r' } } as VMNetwork, multus('n2')],
        { resourceClaims: [{ name: 'c' }] },
      ),
      ['vm-dra-multus@networks[1]'],
    ],
  ])('refuses %s', (_, vm, expected) => {
    expect(errors(vm)).toEqual(expected);
  });

  it('warns that portRanges need the PortRangesSpec feature gate', () => {
    const vm = aVM([masq({ portRanges: [{ protocol: 'TCP', start: 80, end: 90 }] })], [pod]);
    expect(errors(vm)).toEqual([]);
    expect(warnings(vm)).toEqual(['vm-port-ranges-gate@interfaces[0].portRanges']);
  });

  it.each([
    ['http', true],
    ['a-b-1', true],
    ['123', false],
    ['a--b', false],
    ['-a', false],
    ['abcdefghijklmnop', false],
  ])('IsValidPortName(%s) is %s', (name, ok) => {
    expect(isValidPortName(name)).toBe(ok);
  });
});
