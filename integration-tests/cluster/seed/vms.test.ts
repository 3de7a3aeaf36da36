// The small data set the test setup seeds must already show every scenario the UI handles.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../support/k8s';
import { buildVM, buildVMI, hasVMI, PROFILES, vmPlan } from './vms';

const first = (n: number) => Array.from({ length: n }, (_, i) => vmPlan(i));
const ifaceNames = (o: ReturnType<typeof buildVM>, path: 'vm' | 'vmi'): string[] => {
  const spec = (path === 'vm' ? (o.spec as { template: { spec: unknown } }).template.spec : o.spec) as {
    domain: { devices: { interfaces: { name: string }[] } };
  };
  return spec.domain.devices.interfaces.map((i) => i.name);
};

describe('vmPlan', () => {
  it('covers every scenario within 40 VMs, with exactly one RestartRequired', () => {
    const plans = first(40);
    expect(new Set(plans.map((p) => p.scenario))).toEqual(
      new Set(['agent', 'stopped', 'no-agent', 'hotplug', 'absent']),
    );
    expect(plans.filter((p) => p.restartRequired)).toHaveLength(1);
    expect(new Set(plans.map((p) => p.profile.namespace))).toEqual(new Set(PROFILES.map((p) => p.namespace)));
  });

  it('gives unique names per namespace', () => {
    const keys = first(400).map((p) => `${p.profile.namespace}/${p.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('buildVMI', () => {
  const vm = { metadata: { name: 'x', uid: 'u1' }, apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine' };

  it.each(
    first(40)
      .filter(hasVMI)
      .map((p) => [`${p.profile.namespace}/${p.name} ${p.scenario}`, p] as const),
  )('%s: the VMI lacks only a pending hot-plug NIC', (_, plan) => {
    const specNics = ifaceNames(buildVM(plan), 'vm');
    const vmiNics = ifaceNames(buildVMI(plan, vm), 'vmi');
    expect(vmiNics).toEqual(plan.scenario === 'hotplug' ? specNics.slice(0, -1) : specNics);
  });

  it('reports guest-agent IPs only when the agent is connected', () => {
    const withAgent = buildVMI(
      first(40).find((p) => p.scenario === 'agent')!,
      vm,
    );
    const without = buildVMI(
      first(40).find((p) => p.scenario === 'no-agent')!,
      vm,
    );
    const ifaces = (o: KubeObject) =>
      (o.status as { interfaces: { ipAddresses?: string[]; infoSource: string }[] }).interfaces;
    expect(
      ifaces(withAgent).every((i) => i.ipAddresses?.length && i.infoSource.includes('guest-agent')),
    ).toBe(true);
    expect(ifaces(without).some((i) => i.ipAddresses || i.infoSource.includes('guest-agent'))).toBe(false);
  });
});
