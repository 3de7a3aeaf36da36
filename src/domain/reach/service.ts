/**
 * Services that expose a VM: the manifest a user's choices make, its validation (field names as the form shows
 * them), and, for existing Services, which ones select the VM and where they can be reached.
 */
import type { FieldIssue } from '../issues';
import type { K8sObject } from '../kube/meta';
import type { VM, VMI } from '../kube/vm';
import { parseIP } from '../net/cidr';
import { podLabelsOf, selectorMatches, type Selector } from './selector';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

export type ServicePort = {
  name?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  targetPort?: number | string;
  nodePort?: number;
};

export type Service = K8sObject & {
  spec?: {
    type?: ServiceType | 'ExternalName';
    selector?: Selector;
    ports?: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    loadBalancerIP?: string;
    loadBalancerClass?: string;
    externalIPs?: string[];
    [field: string]: unknown;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
};

/**
 * MetalLB reads `metallb.io/address-pool` and `metallb.io/loadBalancerIPs`, and still the `metallb.universe.tf/…`
 * names it used before (metallb/metallb controller/service.go: the stable name wins when both are set). New
 * Services get the `metallb.io` names.
 */
export const POOL_ANNOTATION = 'metallb.io/address-pool';
export const IPS_ANNOTATION = 'metallb.io/loadBalancerIPs';
const OLD_POOL_ANNOTATION = 'metallb.universe.tf/address-pool';
const OLD_IPS_ANNOTATION = 'metallb.universe.tf/loadBalancerIPs';
/** Set by the MetalLB controller once it assigned an address: the pool it came from. */
export const ALLOCATED_POOL_ANNOTATION = 'metallb.io/ip-allocated-from-pool';

const annotation = (s: Service, stable: string, old: string): string | undefined =>
  s.metadata.annotations?.[stable] ?? s.metadata.annotations?.[old];
export const requestedPool = (s: Service) => annotation(s, POOL_ANNOTATION, OLD_POOL_ANNOTATION);
export const requestedIPs = (s: Service) => annotation(s, IPS_ANNOTATION, OLD_IPS_ANNOTATION);

export type PortPreset = 'ssh' | 'http' | 'https';
export const PRESETS: Record<PortPreset, { name: string; port: number }> = {
  ssh: { name: 'ssh', port: 22 },
  http: { name: 'http', port: 80 },
  https: { name: 'https', port: 443 },
};

export type PortDraft = { name: string; port: string; targetPort: string; protocol: 'TCP' | 'UDP' };

export type ServiceDraft = {
  name: string;
  type: ServiceType;
  ports: PortDraft[];
  /** LoadBalancer only: a MetalLB pool name, or '' for any pool that assigns automatically. */
  pool: string;
  /** LoadBalancer only: one address of the pool, or '' for any free one. */
  address: string;
};

export const portDraft = (preset: PortPreset): PortDraft => ({
  name: PRESETS[preset].name,
  port: String(PRESETS[preset].port),
  targetPort: String(PRESETS[preset].port),
  protocol: 'TCP',
});

/** RFC 1035 label, as the API server validates Service names (ValidateServiceName). */
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** IANA_SVC_NAME, what a Service port name must be when set (lower case, a letter, no `--`, ≤ 15). */
const PORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const issue = (field: string, code: string, params?: FieldIssue['params']): FieldIssue => ({
  field,
  code,
  severity: 'error',
  ...(params ? { params } : {}),
});

const asPort = (text: string): number | undefined => {
  if (!/^\d{1,5}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n >= 1 && n <= 65535 ? n : undefined;
};

/**
 * Problems of a draft, each on its field: `name`, `ports`, `ports.<i>.port`, `ports.<i>.targetPort`,
 * `ports.<i>.name`, `address`. `taken` are Service names already in the namespace; `pools` the readable pools
 * with the free addresses of each (see pools.ts) to check a chosen address against.
 */
export const validateServiceDraft = (
  d: ServiceDraft,
  taken: readonly string[],
  addressCheck?: (address: string, pool: string) => 'ok' | 'not-in-pool' | 'in-use' | 'unknown-pool',
): FieldIssue[] => {
  const out: FieldIssue[] = [];
  const name = d.name.trim();
  if (!name) out.push(issue('name', 'required'));
  else if (name.length > 63 || !DNS1035.test(name)) out.push(issue('name', 'dns1035'));
  else if (taken.includes(name)) out.push(issue('name', 'exists', { name }));
  if (d.ports.length === 0) out.push(issue('ports', 'no-ports'));
  const seen = new Map<string, number>();
  const names = new Set<string>();
  d.ports.forEach((p, i) => {
    const port = asPort(p.port);
    if (port === undefined) out.push(issue(`ports.${i}.port`, 'port-range'));
    else {
      const key = `${p.protocol}/${port}`;
      if (seen.has(key)) out.push(issue(`ports.${i}.port`, 'port-duplicate', { port }));
      seen.set(key, i);
    }
    if (p.targetPort.trim() && asPort(p.targetPort) === undefined)
      out.push(issue(`ports.${i}.targetPort`, 'port-range'));
    const pn = p.name.trim();
    // Several ports need a name each (the API server refuses unnamed ones then).
    if (!pn && d.ports.length > 1) out.push(issue(`ports.${i}.name`, 'port-name-required'));
    else if (pn && (pn.length > 15 || !PORT_NAME.test(pn) || pn.includes('--') || !/[a-z]/.test(pn)))
      out.push(issue(`ports.${i}.name`, 'port-name'));
    else if (pn && names.has(pn)) out.push(issue(`ports.${i}.name`, 'port-name-duplicate', { name: pn }));
    if (pn) names.add(pn);
  });
  if (d.type === 'LoadBalancer' && d.address.trim()) {
    const ip = parseIP(d.address.trim());
    if (!ip) out.push(issue('address', 'ip'));
    else if (addressCheck) {
      const r = addressCheck(d.address.trim(), d.pool);
      if (r !== 'ok') out.push(issue('address', r, { address: d.address.trim(), pool: d.pool }));
    }
  }
  return out;
};

/** The Service the draft describes, selecting the VM by `selector`. */
export const buildService = (d: ServiceDraft, namespace: string, selector: Selector): Service => {
  const annotations: Record<string, string> = {};
  if (d.type === 'LoadBalancer' && d.pool) annotations[POOL_ANNOTATION] = d.pool;
  if (d.type === 'LoadBalancer' && d.address.trim()) annotations[IPS_ANNOTATION] = d.address.trim();
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: d.name.trim(),
      namespace,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: {
      type: d.type,
      selector: { ...selector },
      ports: d.ports.map((p) => {
        const port = Number(p.port.trim());
        const target = p.targetPort.trim() ? Number(p.targetPort.trim()) : port;
        return {
          ...(p.name.trim() ? { name: p.name.trim() } : {}),
          protocol: p.protocol,
          port,
          targetPort: target,
        };
      }),
    },
  };
};

/** A default Service name for the VM: `<vm>-<suffix>` cut to a DNS label, not one of `taken`. */
export const suggestServiceName = (vm: string, suffix: string, taken: readonly string[]): string => {
  const clean = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^-a-z0-9]/g, '-')
      .replace(/^[^a-z]+/, '')
      .replace(/-+$/, '');
  const base = clean(`${vm}-${suffix}`).slice(0, 58).replace(/-+$/, '') || 'vm-service';
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
};

/** Services of the VM's namespace whose selector matches its virt-launcher pod. */
export const servicesSelecting = (services: readonly Service[], vm: VM, vmi?: VMI): Service[] => {
  const labels = podLabelsOf(vm, vmi);
  return services.filter(
    (s) => s.metadata.namespace === vm.metadata.namespace && selectorMatches(s.spec?.selector, labels),
  );
};

export type ServiceEndpoint = {
  kind: 'cluster-ip' | 'external' | 'node-port' | 'pending';
  address?: string;
  port: number;
  targetPort?: number | string;
  protocol: string;
};

/** Where a Service can be reached, per port: cluster IPs, LoadBalancer ingress (or pending), node ports. */
export const serviceEndpoints = (s: Service): ServiceEndpoint[] => {
  const out: ServiceEndpoint[] = [];
  const ips = s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : []);
  const ingress = (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname).filter(Boolean);
  for (const p of s.spec?.ports ?? []) {
    const base = { port: p.port, targetPort: p.targetPort, protocol: p.protocol ?? 'TCP' };
    for (const ip of ips) if (ip !== 'None') out.push({ ...base, kind: 'cluster-ip', address: ip });
    if (s.spec?.type === 'LoadBalancer') {
      if (ingress.length === 0) out.push({ ...base, kind: 'pending' });
      for (const a of ingress) out.push({ ...base, kind: 'external', address: a });
    }
    if ((s.spec?.type === 'NodePort' || s.spec?.type === 'LoadBalancer') && p.nodePort)
      out.push({ ...base, kind: 'node-port', port: p.nodePort });
  }
  return out;
};
