import { describe, expect, it } from 'vitest';
import type { VMI } from '../../kube/vm';
import { validateSubnetPlan } from './subnets';
import { observedPodIps, observedPodIpsOfPods } from './podNetwork';

const vmi = (name: string, binding: 'masquerade' | 'l2bridge', ips: string[]): VMI => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name, namespace: 'tenant-a' },
  spec: {
    domain: { devices: { interfaces: [{ name: 'default', [binding]: {} }] } },
    networks: [{ name: 'default', pod: {} }],
  },
  status: { interfaces: [{ name: 'default', ipAddresses: ips }] },
});

const codes = (cidr: string, ctx: Parameters<typeof validateSubnetPlan>[1]) =>
  validateSubnetPlan([{ field: 'subnets[0]', cidr }], ctx, { primary: false, clusterFamily: 'error' }).map(
    (i) => `${i.code}:${i.severity}`,
  );

describe('observedPodIps', () => {
  it("reads the pod interface's addresses, not a primary UDN's", () => {
    expect(
      observedPodIps([
        vmi('a', 'masquerade', ['10.131.0.7', 'fd02::7']),
        vmi('b', 'l2bridge', ['10.100.0.3']),
      ]),
    ).toEqual([
      { ip: '10.131.0.7', owner: 'tenant-a/a' },
      { ip: 'fd02::7', owner: 'tenant-a/a' },
    ]);
  });
});

describe('observedPodIpsOfPods', () => {
  it('reads pod addresses (both families) and leaves host-network pods out', () => {
    const pod = (name: string, ips: string[], hostNetwork = false) => ({
      metadata: { name, namespace: 'ns' },
      spec: { hostNetwork },
      status: { podIP: ips[0], podIPs: ips.map((ip) => ({ ip })) },
    });
    expect(
      observedPodIpsOfPods([
        pod('web', ['10.131.0.7', 'fd01:0:0:1::7']),
        pod('ovnkube-node', ['192.168.122.10'], true),
        pod('bad', ['not-an-ip']),
        { metadata: { name: 'old' }, status: { podIP: '10.130.0.9' } },
      ]),
    ).toEqual([
      { ip: '10.131.0.7', owner: 'pod ns/web' },
      { ip: 'fd01:0:0:1::7', owner: 'pod ns/web' },
      { ip: '10.130.0.9', owner: 'pod /old' },
    ]);
  });
});

describe('subnet checks without the cluster network configuration', () => {
  const seen = { observedPodIps: [{ ip: '10.131.0.7', owner: 'tenant-a/a' }] };
  it('warns when a subnet contains a pod address seen on the cluster', () => {
    expect(codes('10.131.0.0/16', seen)).toEqual(['subnet-contains-pod-ip:warning']);
    expect(codes('10.200.0.0/16', seen)).toEqual([]);
  });
  it("warns on OpenShift's default ranges when told to assume them", () => {
    const ctx = { assumeOpenShiftDefaults: true };
    expect(codes('10.129.0.0/16', ctx)).toEqual(['subnet-overlaps-default-cluster:warning']);
    expect(codes('172.30.5.0/24', ctx)).toEqual(['subnet-overlaps-default-service:warning']);
    expect(codes('10.200.0.0/16', ctx)).toEqual([]);
    // The pod address says more than the default: one warning, not two.
    expect(codes('10.131.0.0/16', { ...ctx, ...seen })).toEqual(['subnet-contains-pod-ip:warning']);
  });
  it("says nothing of the fallbacks when the cluster's own networks are known (they are errors there)", () => {
    const ctx = {
      clusterNetworks: ['10.128.0.0/14'],
      serviceNetworks: ['172.30.0.0/16'],
      assumeOpenShiftDefaults: true,
      ...seen,
    };
    expect(codes('10.131.0.0/16', ctx)).toEqual(['subnet-overlaps-cluster:error']);
  });
});
