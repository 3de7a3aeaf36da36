/**
 * A local stand-in for the server differential test: the UDN/CUDN CRD schema and CEL rules, hand-translated to
 * JS, act as an oracle. For thousands of generated forms, whatever validateUDN accepts must pass the oracle, and
 * the manifest path (build → read back → validate) must agree with the form path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../issues';
import type { Layer2Config, Layer3Config, LocalnetConfig } from '../../kube/networks';
import { type Cidr, cidrContains, parseCidr } from '../../net/cidr';
import { isDNS1123Subdomain } from '../shared/check';
import { type UDNForm, buildCUDNManifest, buildUDNManifest } from './udn';
import { validateUDN } from './udnValidate';
import { validateManifest } from '../validate';

const cidrOk = (s: unknown): s is string =>
  typeof s === 'string' && s.length <= 43 && parseCidr(s) !== undefined;
const fam = (s: string): number | undefined => parseCidr(s)?.family;
const pairOk = (list: string[] | undefined, max: number): boolean =>
  list === undefined ||
  (list.length >= 1 &&
    list.length <= max &&
    list.every(cidrOk) &&
    (list.length !== 2 || fam(list[0] ?? '') !== fam(list[1] ?? '')));
const int = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
/** CEL: `!self.subnets.exists_one(i, family == 6) || self.mtu >= 1280`. */
const mtuRule = (mtu: number | undefined, cidrs: string[]): boolean =>
  mtu === undefined || cidrs.filter((c) => fam(c) === 6).length !== 1 || mtu >= 1280;

const layer2Ok = (l: Layer2Config): boolean => {
  const mode = l.ipam?.mode;
  return (
    ['Primary', 'Secondary'].includes(l.role) &&
    pairOk(l.subnets, 2) &&
    pairOk(l.joinSubnets, 2) &&
    (l.mtu === undefined || int(l.mtu, 576, 65536)) &&
    (l.ipam === undefined || Object.keys(l.ipam).length >= 1) &&
    (l.ipam?.lifecycle !== 'Persistent' || mode === undefined || mode === 'Enabled') &&
    ((mode !== undefined && mode !== 'Enabled') || l.subnets !== undefined) &&
    (mode !== 'Disabled' || l.subnets === undefined) &&
    (mode !== 'Disabled' || l.role === 'Secondary') &&
    (l.joinSubnets === undefined || l.role === 'Primary') &&
    mtuRule(l.mtu, l.subnets ?? [])
  );
};

const layer3Ok = (l: Layer3Config): boolean => {
  const s = l.subnets;
  const parsed = s.map((x) => parseCidr(x.cidr));
  const families = (i: number, j: number) => parsed[i]?.family === parsed[j]?.family;
  return (
    ['Primary', 'Secondary'].includes(l.role) &&
    s.length >= 1 &&
    s.length <= 400 &&
    s.every((x) => cidrOk(x.cidr)) &&
    s.every(
      (x, i) =>
        x.hostSubnet === undefined || (int(x.hostSubnet, 1, 127) && x.hostSubnet > (parsed[i]?.prefix ?? 0)),
    ) &&
    s.every((x, i) => x.hostSubnet === undefined || parsed[i]?.family !== 4 || x.hostSubnet < 32) &&
    (l.role !== 'Secondary' || s.length <= 2) &&
    (l.role !== 'Secondary' || s.length !== 2 || !families(0, 1)) &&
    pairOk(l.joinSubnets, 2) &&
    (l.joinSubnets === undefined || l.role === 'Primary') &&
    (l.mtu === undefined || int(l.mtu, 576, 65536)) &&
    mtuRule(
      l.mtu,
      s.map((x) => x.cidr),
    ) &&
    (s.length === 1 ||
      !s.some((a, i) =>
        s.some(
          (b, j) =>
            JSON.stringify(a) !== JSON.stringify(b) && cidrContains(parsed[i] as Cidr, parsed[j] as Cidr),
        ),
      )) &&
    (s.length === 1 || !s.some((a) => s.filter((b) => b.cidr === a.cidr).length > 1)) &&
    s.every((a, i) => s.every((b, j) => !families(i, j) || a.hostSubnet === b.hostSubnet))
  );
};

const localnetOk = (l: LocalnetConfig): boolean => {
  const mode = l.ipam?.mode;
  return (
    l.role === 'Secondary' &&
    typeof l.physicalNetworkName === 'string' &&
    l.physicalNetworkName.length >= 1 &&
    l.physicalNetworkName.length <= 253 &&
    /^[^,:]+$/.test(l.physicalNetworkName) &&
    (mode === undefined || mode === 'Enabled' ? l.subnets !== undefined : l.subnets === undefined) &&
    pairOk(l.subnets, 2) &&
    (l.excludeSubnets === undefined ||
      (l.subnets !== undefined && l.excludeSubnets.length <= 25 && l.excludeSubnets.every(cidrOk))) &&
    (l.ipam === undefined || Object.keys(l.ipam).length >= 1) &&
    (l.ipam?.lifecycle !== 'Persistent' || mode === undefined || mode === 'Enabled') &&
    (l.mtu === undefined || int(l.mtu, 576, 65536)) &&
    mtuRule(l.mtu, l.subnets ?? []) &&
    (l.vlan === undefined ||
      (l.vlan.mode === 'Access' && l.vlan.access !== undefined && int(l.vlan.access.id, 1, 4094)))
  );
};

/** The CRD's verdict (schema + CEL) on a built manifest. */
const crdAccepts = (form: UDNForm): boolean => {
  const cluster = form.scope === 'cluster';
  const m = cluster ? buildCUDNManifest(form) : buildUDNManifest(form);
  const spec = cluster ? buildCUDNManifest(form).spec.network : buildUDNManifest(form).spec;
  if (!isDNS1123Subdomain(m.metadata.name)) return false;
  if (cluster && !buildCUDNManifest(form).spec.namespaceSelector) return false;
  if (!cluster && spec.topology === ('Localnet' as string)) return false;
  if (spec.topology === 'Layer2') return spec.layer2 !== undefined && layer2Ok(spec.layer2);
  if (spec.topology === 'Layer3') return spec.layer3 !== undefined && layer3Ok(spec.layer3);
  return 'localnet' in spec && spec.localnet !== undefined && localnetOk(spec.localnet);
};

/** Mostly plausible values with some invalid ones mixed in, so both verdicts are exercised. */
const pick = <T>(good: readonly T[], bad: readonly T[] = []): fc.Arbitrary<T> =>
  bad.length
    ? fc.oneof(
        { arbitrary: fc.constantFrom(...good), weight: 6 },
        { arbitrary: fc.constantFrom(...bad), weight: 1 },
      )
    : fc.constantFrom(...good);

const cidr = pick(
  ['10.200.0.0/16', '10.201.0.0/24', 'fd20::/64', 'fd21::/48', '192.168.0.0/16', '172.16.0.0/12'],
  ['10.200.0.1/24', 'fd20::1/64', '10.0.0.0/33', 'x', '', '::ffff:10.0.0.0/104', '10.200.5.0/24'],
);

const aForm: fc.Arbitrary<UDNForm> = fc
  .record({
    scope: pick(['namespace' as const, 'cluster' as const]),
    name: pick(['blue'], ['Blue', 'a.b', 'x'.repeat(64)]),
    namespace: pick(['tenant-a'], ['']),
    namespaceSelector: pick([{ matchLabels: { team: 'a' } }], [undefined, {}]),
    topology: pick(['Layer2' as const, 'Layer3' as const, 'Localnet' as const]),
    role: pick(['Primary' as const, 'Secondary' as const]),
    subnets: fc.array(
      fc.record({ cidr, hostSubnet: pick([undefined, undefined, 24, 64], [0, 8, 16, 31, 32, 120, 128]) }),
      { minLength: 0, maxLength: 3 },
    ),
    joinSubnets: pick(
      [undefined, undefined, ['100.70.0.0/16'], ['100.70.0.0/16', 'fd70::/64']],
      [['fd70::/64', 'fd71::/64'], ['x'], []],
    ),
    excludeSubnets: pick([undefined, undefined, ['10.200.0.0/30']], [['x'], ['10.99.0.0/30'], []]),
    ipamMode: pick([undefined, undefined, 'Enabled' as const, 'Disabled' as const]),
    persistentIPs: pick([undefined, true, false]),
    mtu: pick([undefined, undefined, 1280, 1400, 1500], [500, 576, 1000, 9000, 65536, 70000, 1.5]),
    physicalNetworkName: pick(['physnet'], [undefined, '', 'a:b', 'x'.repeat(254)]),
    vlan: pick([undefined, 1, 100, 4094], [0, 4095]),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as UDNForm);

describe('UDN/CUDN against the CRD rules (local oracle)', () => {
  it('never accepts what the CRD refuses', () => {
    fc.assert(
      fc.property(aForm, (form) => {
        const accepted = !hasErrors(validateUDN(form, {}));
        expect(!accepted || crdAccepts(form)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts a fair share of generated forms (the generator is not all-invalid)', () => {
    const samples = fc.sample(aForm, { numRuns: 3000, seed: 42 });
    const accepted = samples.filter((f) => !hasErrors(validateUDN(f, {}))).length;
    expect(accepted).toBeGreaterThan(100);
  });

  it('reading the built manifest back gives no errors for any accepted form', () => {
    fc.assert(
      fc.property(aForm, (form) => {
        const accepted = !hasErrors(validateUDN(form, {}));
        const manifest = form.scope === 'cluster' ? buildCUDNManifest(form) : buildUDNManifest(form);
        expect(!accepted || !hasErrors(validateManifest(manifest, {}))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
