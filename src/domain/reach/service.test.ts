import { describe, expect, it } from 'vitest';
import { aVM } from '../testing/fixtures';
import {
  buildService,
  portDraft,
  serviceEndpoints,
  servicesSelecting,
  suggestServiceName,
  validateServiceDraft,
  type Service,
  type ServiceDraft,
} from './service';

const draft = (o: Partial<ServiceDraft> = {}): ServiceDraft => ({
  name: 'web-ssh',
  type: 'LoadBalancer',
  ports: [portDraft('ssh')],
  pool: '',
  address: '',
  ...o,
});
const codes = (d: ServiceDraft, taken: string[] = [], check?: Parameters<typeof validateServiceDraft>[2]) =>
  validateServiceDraft(d, taken, check).map((i) => `${i.field}:${i.code}`);

describe('validateServiceDraft', () => {
  it('a good draft has no issue', () => expect(codes(draft())).toEqual([]));
  it('names the field of each problem', () => {
    expect(codes(draft({ name: 'Web_1' }))).toEqual(['name:dns1035']);
    expect(codes(draft({ name: '1web' }))).toEqual(['name:dns1035']);
    expect(codes(draft({ name: 'taken' }), ['taken'])).toEqual(['name:exists']);
    expect(codes(draft({ ports: [] }))).toEqual(['ports:no-ports']);
    expect(codes(draft({ ports: [{ ...portDraft('ssh'), port: '70000' }] }))).toEqual([
      'ports.0.port:port-range',
    ]);
    expect(codes(draft({ ports: [portDraft('ssh'), portDraft('ssh')] }))).toEqual([
      'ports.1.port:port-duplicate',
      'ports.1.name:port-name-duplicate',
    ]);
    expect(codes(draft({ ports: [portDraft('ssh'), { ...portDraft('http'), name: '' }] }))).toEqual([
      'ports.1.name:port-name-required',
    ]);
    expect(codes(draft({ ports: [{ ...portDraft('ssh'), name: 'Has--Bad' }] }))).toEqual([
      'ports.0.name:port-name',
    ]);
  });
  it('checks a chosen address only for a LoadBalancer', () => {
    expect(codes(draft({ address: '10.0.0.999' }))).toEqual(['address:ip']);
    expect(codes(draft({ address: '10.0.0.1', pool: 'p' }), [], () => 'in-use')).toEqual(['address:in-use']);
    expect(codes(draft({ type: 'NodePort', address: 'junk' }))).toEqual([]);
  });
});

describe('buildService', () => {
  it('writes the MetalLB annotations of the current names, the selector and the ports', () => {
    const s = buildService(
      draft({
        pool: 'vm-services',
        address: '192.0.2.5',
        ports: [portDraft('ssh'), { ...portDraft('http'), targetPort: '8080' }],
      }),
      'ns1',
      { 'kubevirt.io/domain': 'web' },
    );
    expect(s).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'web-ssh',
        namespace: 'ns1',
        annotations: { 'metallb.io/address-pool': 'vm-services', 'metallb.io/loadBalancerIPs': '192.0.2.5' },
      },
      spec: {
        type: 'LoadBalancer',
        selector: { 'kubevirt.io/domain': 'web' },
        ports: [
          { name: 'ssh', protocol: 'TCP', port: 22, targetPort: 22 },
          { name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 },
        ],
      },
    });
  });
  it('no MetalLB annotation on other types', () => {
    expect(
      buildService(draft({ type: 'NodePort', pool: 'p', address: '1.2.3.4' }), 'ns1', { a: 'b' }).metadata
        .annotations,
    ).toBeUndefined();
  });
});

describe('suggestServiceName', () => {
  it('a DNS label, not taken', () => {
    expect(suggestServiceName('vm-00001', 'ssh', [])).toBe('vm-00001-ssh');
    expect(suggestServiceName('vm-00001', 'ssh', ['vm-00001-ssh'])).toBe('vm-00001-ssh-2');
    expect(suggestServiceName('9.Weird_Name', 'lb', [])).toBe('weird-name-lb');
  });
});

describe('servicesSelecting and serviceEndpoints', () => {
  const vm = aVM({ name: 'web', namespace: 'ns1' });
  vm.spec.template.metadata = { labels: { 'kubevirt.io/domain': 'web' } };
  const svc = (name: string, selector: Record<string, string> | undefined, ns = 'ns1'): Service => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns },
    spec: {
      type: 'LoadBalancer',
      selector,
      clusterIP: '172.30.0.5',
      ports: [{ port: 22, nodePort: 30022, protocol: 'TCP' }],
    },
  });
  it('only Services of the namespace whose whole selector matches the pod', () => {
    const got = servicesSelecting(
      [
        svc('a', { 'kubevirt.io/domain': 'web' }),
        svc('b', { 'vm.kubevirt.io/name': 'web' }),
        svc('c', { 'kubevirt.io/domain': 'web', x: 'y' }),
        svc('d', undefined),
        svc('e', { 'kubevirt.io/domain': 'web' }, 'ns2'),
      ],
      vm,
    ).map((s) => s.metadata.name);
    expect(got).toEqual(['a', 'b']);
  });
  it('a LoadBalancer without ingress is pending; node ports are listed', () => {
    expect(serviceEndpoints(svc('a', {})).map((e) => `${e.kind} ${e.address ?? ''}:${e.port}`)).toEqual([
      'cluster-ip 172.30.0.5:22',
      'pending :22',
      'node-port :30022',
    ]);
  });
});
