/**
 * MAC addresses across VMs: which rows share a MAC with an interface of another VM (a duplicate on a shared L2
 * network breaks both), and whether KubeMacPool assigns MACs in a namespace. OpenShift Virtualization runs
 * KubeMacPool for every namespace unless the namespace carries `mutatevirtualmachines.kubemacpool.io=ignore`
 * (OpenShift Virtualization docs, "Managing MAC address pools for network interfaces"; kubemacpool's webhook
 * namespaceSelector); `allocate` opts a namespace in when the cluster runs KubeMacPool opt-in.
 */
export const MAC_POOL_LABEL = 'mutatevirtualmachines.kubemacpool.io';

export type MacPoolState = 'assigns' | 'opted-out' | 'unknown';

/** `labels` undefined: the namespace could not be read. */
export const macPoolState = (labels: Record<string, string> | undefined): MacPoolState => {
  if (!labels) return 'unknown';
  return labels[MAC_POOL_LABEL] === 'ignore' ? 'opted-out' : 'assigns';
};

type MacRow = { id: string; namespace: string; vmName: string; mac?: string };

/**
 * For each row whose MAC another VM's row also has: the other VMs (`namespace/name`), sorted. Rows of one VM
 * sharing a MAC between themselves are not a cross-VM duplicate (KubeVirt refuses that spec anyway).
 */
export const duplicateMacs = (rows: readonly MacRow[]): Map<string, string[]> => {
  const byMac = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.mac) continue;
    const vm = `${r.namespace}/${r.vmName}`;
    const set = byMac.get(r.mac) ?? new Set<string>();
    set.add(vm);
    byMac.set(r.mac, set);
  }
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.mac) continue;
    const vms = byMac.get(r.mac);
    if (!vms || vms.size < 2) continue;
    const me = `${r.namespace}/${r.vmName}`;
    out.set(r.id, [...vms].filter((v) => v !== me).sort());
  }
  return out;
};
