/**
 * DNS names of a VM. Inside the cluster: `<hostname>.<subdomain>.<namespace>.svc.<cluster domain>`, which cluster
 * DNS answers only when the VM sets `spec.hostname` and `spec.subdomain` and a headless Service named like the
 * subdomain selects its pod (Kubernetes "DNS for Services and Pods"; KubeVirt user guide, "DNS records").
 * With KubeSecondaryDNS (HyperConverged v1beta1 `spec.featureGates.deployKubeSecondaryDNS`), each secondary
 * interface with an address: `<interface>.<vm>.<namespace>.vm.<cluster FQDN>` (OpenShift Virtualization,
 * "Accessing a VM by using its internal FQDN").
 */
import type { VM } from '../kube/vm';
import type { Service } from './service';

/** Kubernetes' default cluster domain; a cluster can be set up with another one, which the API does not tell. */
export const CLUSTER_DOMAIN = 'cluster.local';
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const isDnsLabel = (s: string): boolean => s.length <= 63 && LABEL.test(s);

export type InternalName = {
  /** Set when every part exists. */
  fqdn?: string;
  hostname?: string;
  subdomain?: string;
  /** What is missing, in the order to add it. */
  missing: ('hostname' | 'subdomain' | 'headless-service')[];
};

/** The internal name, or what is missing; `headless` is whether a headless Service named `subdomain` selects the VM. */
export const internalName = (vm: VM, selecting: readonly Service[]): InternalName => {
  const spec = vm.spec.template.spec;
  const hostname = typeof spec.hostname === 'string' && spec.hostname ? spec.hostname : undefined;
  const subdomain = typeof spec.subdomain === 'string' && spec.subdomain ? spec.subdomain : undefined;
  const missing: InternalName['missing'] = [];
  if (!hostname) missing.push('hostname');
  if (!subdomain) missing.push('subdomain');
  const headless = selecting.some(
    (s) =>
      s.metadata.name === (subdomain ?? '') &&
      (s.spec?.clusterIP === 'None' || s.spec?.clusterIPs?.[0] === 'None'),
  );
  if (!headless) missing.push('headless-service');
  const ns = vm.metadata.namespace ?? '';
  return {
    hostname,
    subdomain,
    missing,
    ...(missing.length === 0 ? { fqdn: `${hostname}.${subdomain}.${ns}.svc.${CLUSTER_DOMAIN}` } : {}),
  };
};

/** JSON patch setting the template's hostname and subdomain where they are missing (pod fields: next start). */
export const hostnamePatch = (vm: VM, hostname: string, subdomain: string) => {
  const spec = vm.spec.template.spec;
  const ops: { op: 'add'; path: string; value: string }[] = [];
  if (!spec.hostname) ops.push({ op: 'add', path: '/spec/template/spec/hostname', value: hostname });
  if (!spec.subdomain) ops.push({ op: 'add', path: '/spec/template/spec/subdomain', value: subdomain });
  return ops;
};

/** The headless Service that gives the subdomain its records, selecting the VM by `selector`. */
export const headlessService = (
  namespace: string,
  subdomain: string,
  selector: Record<string, string>,
): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: subdomain, namespace },
  // A headless Service needs no port for the A records of its pods; KubeVirt's example has none either.
  spec: { clusterIP: 'None', selector: { ...selector } },
});

export type HyperConverged = { spec?: { featureGates?: { deployKubeSecondaryDNS?: boolean } } };

/** The cluster FQDN from the API server URL (`https://api.<cluster FQDN>:6443`), as OpenShift names it. */
export const clusterFqdnFromApiUrl = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname;
    return host.startsWith('api.') && host.length > 4 ? host.slice(4) : undefined;
  } catch {
    return undefined;
  }
};

export type SecondaryNames =
  | { state: 'enabled'; names: { iface: string; fqdn?: string; why?: 'not-dns-label' }[] }
  | { state: 'disabled' | 'unknown' | 'no-domain' };

/** Per secondary (Multus) interface of the VM, its KubeSecondaryDNS name, or why there is none. */
export const secondaryNames = (
  vm: VM,
  hco: HyperConverged | undefined,
  clusterFqdn: string | undefined,
): SecondaryNames => {
  if (!hco) return { state: 'unknown' };
  if (!hco.spec?.featureGates?.deployKubeSecondaryDNS) return { state: 'disabled' };
  if (!clusterFqdn) return { state: 'no-domain' };
  const ns = vm.metadata.namespace ?? '';
  const name = vm.metadata.name;
  const names = (vm.spec.template.spec.networks ?? [])
    .filter((n) => n.multus && !n.multus.default)
    .map((n) =>
      isDnsLabel(n.name) && isDnsLabel(name) && isDnsLabel(ns)
        ? { iface: n.name, fqdn: `${n.name}.${name}.${ns}.vm.${clusterFqdn}` }
        : { iface: n.name, why: 'not-dns-label' as const },
    );
  return { state: 'enabled', names };
};
