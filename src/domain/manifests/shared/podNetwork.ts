/**
 * When the cluster network configuration cannot be read (plain Kubernetes, or a user who may not get
 * config.openshift.io Network `cluster`), subnets are still checked: against the pod addresses actually seen on
 * VMIs' pod-network interfaces, and against OpenShift's default cluster and service networks, as warnings (the
 * cluster may use others). OpenShift defaults: installing-*, "Network configuration parameters"
 * (clusterNetwork 10.128.0.0/14, serviceNetwork 172.30.0.0/16).
 */
import type { FieldIssue } from '../../issues';
import type { VMI } from '../../kube/vm';
import { type Cidr, cidrContainsIP, cidrsOverlap, parseCidr, parseIP } from '../../net/cidr';
import { warn } from './check';
import type { ClusterContext, ObservedPodIp } from './context';

export const OPENSHIFT_DEFAULT_CLUSTER_NETWORKS = ['10.128.0.0/14'];
export const OPENSHIFT_DEFAULT_SERVICE_NETWORKS = ['172.30.0.0/16'];

/**
 * Addresses of VMIs' pod-network interfaces (masquerade or passt on `pod: {}`): the pod network in use. A
 * primary UDN's l2bridge interface carries the UDN's addresses, not the pod network's, and is left out.
 */
export const observedPodIps = (vmis: readonly VMI[], limit = 2000): ObservedPodIp[] => {
  const out: ObservedPodIp[] = [];
  for (const vmi of vmis) {
    const pod = vmi.spec.networks?.find((n) => n.pod)?.name;
    if (!pod) continue;
    const iface = vmi.spec.domain.devices.interfaces?.find((i) => i.name === pod);
    if (!iface || !(iface.masquerade || iface.passt)) continue;
    const status = vmi.status?.interfaces?.find((i) => i.name === pod);
    for (const ip of status?.ipAddresses ?? (status?.ipAddress ? [status.ipAddress] : [])) {
      if (!parseIP(ip)) continue;
      out.push({ ip, owner: `${vmi.metadata.namespace}/${vmi.metadata.name}` });
      if (out.length >= limit) return out;
    }
  }
  return out;
};

/** A Pod, only what is read here. */
export type PodIps = {
  metadata: { name: string; namespace?: string };
  spec?: { hostNetwork?: boolean };
  status?: { podIP?: string; podIPs?: { ip: string }[] };
};

/**
 * Addresses of pods on the pod network (host-network pods carry the node's address and are left out): the pod
 * network in use, seen on ordinary pods as well as VMs.
 */
export const observedPodIpsOfPods = (pods: readonly PodIps[], limit = 2000): ObservedPodIp[] => {
  const out: ObservedPodIp[] = [];
  for (const pod of pods) {
    if (pod.spec?.hostNetwork) continue;
    const ips = pod.status?.podIPs?.map((p) => p.ip) ?? (pod.status?.podIP ? [pod.status.podIP] : []);
    for (const ip of ips) {
      if (!parseIP(ip)) continue;
      out.push({ ip, owner: `pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name}` });
      if (out.length >= limit) return out;
    }
  }
  return out;
};

/** The fallback checks of one parsed subnet; nothing when the cluster's own networks are known. */
export const podNetworkFallbackIssues = (field: string, cidr: Cidr, ctx: ClusterContext): FieldIssue[] => {
  if (ctx.clusterNetworks !== undefined) return [];
  const out: FieldIssue[] = [];
  const seen = (ctx.observedPodIps ?? []).find((o) => {
    const ip = parseIP(o.ip);
    return ip !== undefined && cidrContainsIP(cidr, ip);
  });
  if (seen) out.push(warn(field, 'subnet-contains-pod-ip', { ip: seen.ip, owner: seen.owner }));
  if (!ctx.assumeOpenShiftDefaults) return out;
  const hit = (ranges: readonly string[]) =>
    ranges.find((r) => {
      const other = parseCidr(r);
      return other !== undefined && cidrsOverlap(cidr, other);
    });
  const cluster = hit(OPENSHIFT_DEFAULT_CLUSTER_NETWORKS);
  const service = ctx.serviceNetworks === undefined ? hit(OPENSHIFT_DEFAULT_SERVICE_NETWORKS) : undefined;
  if (cluster && !seen) out.push(warn(field, 'subnet-overlaps-default-cluster', { range: cluster }));
  if (service) out.push(warn(field, 'subnet-overlaps-default-service', { range: service }));
  return out;
};
