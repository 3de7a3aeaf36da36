import { describe, expect, it } from 'vitest';
import { aVM } from '../testing/fixtures';
import { clusterFqdnFromApiUrl, headlessService, hostnamePatch, internalName, secondaryNames } from './fqdn';
import type { Service } from './service';

const vm = (extra: Record<string, unknown> = {}) => {
  const v = aVM({
    name: 'web',
    namespace: 'ns1',
    nics: ['default', { name: 'blue', network: 'blue-net' }, { name: 'Bad_Name', network: 'x' }],
  });
  Object.assign(v.spec.template.spec, extra);
  return v;
};
const headless = (name: string): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'ns1' },
  spec: { clusterIP: 'None', selector: { a: 'b' } },
});

describe('internalName', () => {
  it('says everything that is missing', () => {
    expect(internalName(vm(), []).missing).toEqual(['hostname', 'subdomain', 'headless-service']);
  });
  it('a ClusterIP Service named like the subdomain is not enough', () => {
    const s = { ...headless('sub'), spec: { clusterIP: '10.0.0.1', selector: { a: 'b' } } };
    expect(internalName(vm({ hostname: 'h', subdomain: 'sub' }), [s]).missing).toEqual(['headless-service']);
  });
  it('the FQDN when all three exist', () => {
    expect(internalName(vm({ hostname: 'h', subdomain: 'sub' }), [headless('sub')]).fqdn).toBe(
      'h.sub.ns1.svc.cluster.local',
    );
  });
});

describe('hostnamePatch and headlessService', () => {
  it('adds only what is missing', () => {
    expect(hostnamePatch(vm({ hostname: 'h' }), 'x', 'sub')).toEqual([
      { op: 'add', path: '/spec/template/spec/subdomain', value: 'sub' },
    ]);
    expect(headlessService('ns1', 'sub', { k: 'v' }).spec).toEqual({
      clusterIP: 'None',
      selector: { k: 'v' },
    });
  });
});

describe('secondaryNames', () => {
  const on = { spec: { featureGates: { deployKubeSecondaryDNS: true } } };
  it('per secondary interface, not for the pod network; names that are no DNS label are flagged', () => {
    const r = secondaryNames(vm(), on, 'c1.example.com');
    expect(r).toEqual({
      state: 'enabled',
      names: [
        { iface: 'blue', fqdn: 'blue.web.ns1.vm.c1.example.com' },
        { iface: 'Bad_Name', why: 'not-dns-label' },
      ],
    });
  });
  it('disabled, unknown (HyperConverged unreadable), no domain', () => {
    expect(secondaryNames(vm(), { spec: {} }, 'c')).toEqual({ state: 'disabled' });
    expect(secondaryNames(vm(), undefined, 'c')).toEqual({ state: 'unknown' });
    expect(secondaryNames(vm(), on, undefined)).toEqual({ state: 'no-domain' });
  });
  it('reads the cluster FQDN from the API server URL', () => {
    expect(clusterFqdnFromApiUrl('https://api.c1.example.com:6443')).toBe('c1.example.com');
    expect(clusterFqdnFromApiUrl('https://127.0.0.1:6443')).toBeUndefined();
    expect(clusterFqdnFromApiUrl('not a url')).toBeUndefined();
  });
});
