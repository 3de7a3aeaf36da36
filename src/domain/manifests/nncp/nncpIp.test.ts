import { describe, expect, it } from 'vitest';
import { buildNNCPManifest, emptyNNCPForm, type NNCPForm } from './nncp';
import { parseAddress } from './nncpIp';
import { validateNNCPManifest } from './nncpManifest';
import { validateNNCP } from './nncpValidate';
import { aCluster, aWorker, codes, eth } from '../../testing/manifests';
import type { NMStateInterface } from '../../kube/networks';

const bridge = (over: Partial<NNCPForm> = {}): NNCPForm => ({
  ...emptyNNCPForm('linux-bridge'),
  name: 'br1-policy',
  interfaceName: 'br1',
  nic: 'ens4',
  ...over,
});

const oneWorker = () =>
  aCluster({
    nodes: [{ name: 'w1', labels: { 'node-role.kubernetes.io/worker': '' } }],
    nodeStates: [
      aWorker('w1', [
        eth('ens5', 1500, { ipv4: { enabled: true, address: [{ ip: '192.0.2.7', 'prefix-length': 24 }] } }),
      ]),
    ],
  });
const twoWorkers = () =>
  aCluster({
    nodes: [
      { name: 'w1', labels: { 'node-role.kubernetes.io/worker': '' } },
      { name: 'w2', labels: { 'node-role.kubernetes.io/worker': '' } },
    ],
    nodeStates: [aWorker('w1'), aWorker('w2')],
  });

const desired = (form: NNCPForm) => buildNNCPManifest(form).spec.desiredState.interfaces ?? [];

describe('NNCP interface IP: the desired state', () => {
  it('is disabled for both families by default, as before', () => {
    expect(desired(bridge())[0]).toMatchObject({ ipv4: { enabled: false }, ipv6: { enabled: false } });
  });

  it('writes DHCP, IPv6 autoconf (with DHCP, as nmstate needs) and static addresses with dhcp: false', () => {
    const [br] = desired(
      bridge({
        ipv4: { mode: 'static', addresses: ['192.0.2.10/24', ' 198.51.100.1/32 '] },
        ipv6: { mode: 'autoconf', addresses: [] },
      }),
    );
    expect(br?.ipv4).toEqual({
      enabled: true,
      dhcp: false,
      address: [
        { ip: '192.0.2.10', 'prefix-length': 24 },
        { ip: '198.51.100.1', 'prefix-length': 32 },
      ],
    });
    expect(br?.ipv6).toEqual({ enabled: true, dhcp: true, autoconf: true });
    const [vlan] = desired({
      ...emptyNNCPForm('vlan'),
      name: 'v',
      nic: 'ens4',
      vlanId: 100,
      ipv4: { mode: 'dhcp', addresses: [] },
      ipv6: { mode: 'static', addresses: ['2001:db8::5/64'] },
    });
    expect(vlan?.ipv4).toEqual({ enabled: true, dhcp: true });
    expect(vlan?.ipv6).toEqual({
      enabled: true,
      dhcp: false,
      autoconf: false,
      address: [{ ip: '2001:db8::5', 'prefix-length': 64 }],
    });
  });

  it("puts the IP on a bond of kind 'bond', never on a bond that is a bridge's port", () => {
    const ip = { mode: 'dhcp' as const, addresses: [] };
    const [bond] = desired({
      ...emptyNNCPForm('bond'),
      name: 'b',
      bond: { name: 'bond1', ports: ['ens4', 'ens5'], mode: 'active-backup' },
      ipv4: ip,
    });
    expect(bond?.ipv4).toEqual({ enabled: true, dhcp: true });
    const [port, br] = desired(
      bridge({
        uplinkType: 'bond',
        bond: { name: 'bond1', ports: ['ens4'], mode: 'active-backup' },
        ipv4: ip,
      }),
    );
    expect(port?.ipv4).toEqual({ enabled: false });
    expect(br?.ipv4).toEqual({ enabled: true, dhcp: true });
  });

  it('a form section left unset leaves the key out (the node keeps what it has)', () => {
    const [br] = desired(bridge({ ipv4: undefined, ipv6: undefined }));
    expect(br).not.toHaveProperty('ipv4');
    expect(br).not.toHaveProperty('ipv6');
  });
});

describe('parseAddress', () => {
  it.each([
    ['10.0.0.1/0', 4, { ip: '10.0.0.1', 'prefix-length': 0 }],
    ['10.0.0.1/32', 4, { ip: '10.0.0.1', 'prefix-length': 32 }],
    ['2001:db8::1/128', 6, { ip: '2001:db8::1', 'prefix-length': 128 }],
    ['10.0.0.1/33', 4, undefined],
    ['2001:db8::1/129', 6, undefined],
    ['10.0.0.1', 4, undefined],
    ['2001:db8::1/64', 4, undefined],
    ['10.0.0.1/24', 6, undefined],
    ['10.0.0.1/024', 4, undefined],
  ] as const)('%s (IPv%s)', (text, family, expected) => {
    expect(parseAddress(text, family)).toEqual(expected);
  });
});

describe('NNCP interface IP: the form validator names the field', () => {
  const errs = (form: NNCPForm, ctx = oneWorker()) => codes(validateNNCP(form, ctx), 'error');
  const warns = (form: NNCPForm, ctx = oneWorker()) => codes(validateNNCP(form, ctx), 'warning');

  it.each([
    [
      'static without an address',
      { ipv4: { mode: 'static', addresses: [''] } },
      ['ip-static-needs-address@ipv4.addresses'],
    ],
    [
      'no prefix length',
      { ipv4: { mode: 'static', addresses: ['192.0.2.10'] } },
      ['ip-address-format@ipv4.addresses[0]'],
    ],
    [
      'prefix above 32',
      { ipv4: { mode: 'static', addresses: ['192.0.2.10/33'] } },
      ['ip-prefix-range@ipv4.addresses[0]'],
    ],
    [
      'prefix above 128',
      { ipv6: { mode: 'static', addresses: ['2001:db8::1/129'] } },
      ['ip-prefix-range@ipv6.addresses[0]'],
    ],
    [
      'IPv6 in the IPv4 list',
      { ipv4: { mode: 'static', addresses: ['2001:db8::1/64'] } },
      ['ip-family@ipv4.addresses[0]'],
    ],
    [
      'IPv4 in the IPv6 list',
      { ipv6: { mode: 'static', addresses: ['192.0.2.1/24'] } },
      ['ip-family@ipv6.addresses[0]'],
    ],
    [
      'not an address',
      { ipv6: { mode: 'static', addresses: ['fe80::zz/64'] } },
      ['ip-address-format@ipv6.addresses[0]'],
    ],
    [
      'listed twice',
      { ipv4: { mode: 'static', addresses: ['192.0.2.10/24', '192.0.2.10/25'] } },
      ['ip-listed-twice@ipv4.addresses[1]'],
    ],
    [
      "another interface's address on a selected node",
      { ipv4: { mode: 'static', addresses: ['192.0.2.7/24'] } },
      ['ip-duplicate@ipv4.addresses[0]'],
    ],
  ] as const)('%s', (_, over, expected) => {
    expect(errs(bridge(over as unknown as Partial<NNCPForm>))).toEqual(expected);
  });

  it('says which interface and node already have the address', () => {
    const issue = validateNNCP(
      bridge({ ipv4: { mode: 'static', addresses: ['192.0.2.7/24'] } }),
      oneWorker(),
    ).find((i) => i.code === 'ip-duplicate');
    expect(issue?.params).toEqual({ ip: '192.0.2.7', other: 'ens5 (w1)' });
  });

  it('valid: DHCP, autoconf, static on one node; IP settings are not checked on an OVS bridge', () => {
    expect(
      errs(bridge({ ipv4: { mode: 'dhcp', addresses: [] }, ipv6: { mode: 'autoconf', addresses: [] } })),
    ).toEqual([]);
    expect(errs(bridge({ ipv4: { mode: 'static', addresses: ['192.0.2.10/24'] } }))).toEqual([]);
    expect(warns(bridge({ ipv4: { mode: 'static', addresses: ['192.0.2.10/24'] } }))).toEqual([]);
  });

  it('warns that a static address on a policy for several nodes is the same address on each', () => {
    expect(warns(bridge({ ipv4: { mode: 'static', addresses: ['192.0.2.10/24'] } }), twoWorkers())).toEqual([
      'ip-static-many-nodes@ipv4.addresses',
    ]);
  });
});

describe('NNCP manifest IP rules (nmstate)', () => {
  const policy = (interfaces: NMStateInterface[]) => ({
    apiVersion: 'nmstate.io/v1',
    kind: 'NodeNetworkConfigurationPolicy',
    metadata: { name: 'p' },
    spec: { desiredState: { interfaces } },
  });
  const check = (interfaces: NMStateInterface[]) => codes(validateNNCPManifest(policy(interfaces)));
  const I = 'spec.desiredState.interfaces';

  it('refuses autoconf under ipv4 and IPv6 autoconf without DHCP', () => {
    expect(
      check([
        { name: 'br1', type: 'linux-bridge', ipv4: { enabled: true, dhcp: true, autoconf: true } as never },
      ]),
    ).toEqual([`ip-autoconf-ipv4@${I}[0].ipv4.autoconf`]);
    expect(
      check([{ name: 'br1', type: 'linux-bridge', ipv6: { enabled: true, dhcp: false, autoconf: true } }]),
    ).toEqual([`ip-autoconf-without-dhcp@${I}[0].ipv6.autoconf`]);
  });

  it('refuses an address of the other family, a prefix out of range, a missing prefix', () => {
    expect(
      check([
        {
          name: 'br1',
          type: 'linux-bridge',
          ipv4: {
            enabled: true,
            address: [
              { ip: '2001:db8::1', 'prefix-length': 64 },
              { ip: '192.0.2.1', 'prefix-length': 33 },
              { ip: '192.0.2.2' } as never,
            ],
          },
        },
      ]),
    ).toEqual([
      `ip-family@${I}[0].ipv4.address[0].ip`,
      `ip-prefix-range@${I}[0].ipv4.address[1].prefix-length`,
      `required@${I}[0].ipv4.address[2].prefix-length`,
    ]);
  });

  it('refuses IP on a port of a bridge or bond of the same policy, and one address on two interfaces', () => {
    expect(
      check([
        {
          name: 'bond1',
          type: 'bond',
          ipv4: { enabled: true, address: [{ ip: '192.0.2.1', 'prefix-length': 24 }] },
          'link-aggregation': { mode: 'active-backup', port: ['ens4'] },
        },
        {
          name: 'br1',
          type: 'linux-bridge',
          ipv4: { enabled: true, address: [{ ip: '192.0.2.1', 'prefix-length': 24 }] },
          bridge: { port: [{ name: 'bond1' }] },
        },
      ]),
    ).toEqual([`ip-duplicate@${I}[1].ipv4.address[0].ip`, `ip-on-port@${I}[0].ipv4.enabled`]);
  });

  it('warns about static addresses next to DHCP; a disabled or absent interface is not checked', () => {
    expect(
      codes(
        validateNNCPManifest(
          policy([
            {
              name: 'br1',
              type: 'linux-bridge',
              ipv4: { enabled: true, dhcp: true, address: [{ ip: '192.0.2.1', 'prefix-length': 24 }] },
            },
            {
              name: 'br2',
              type: 'linux-bridge',
              state: 'absent',
              ipv4: { enabled: true, autoconf: true } as never,
            },
          ]),
        ),
        'warning',
      ),
    ).toEqual([`ip-static-with-dhcp@${I}[0].ipv4.address`]);
  });
});
