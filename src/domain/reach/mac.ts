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
  // One pass that remembers the first row of each MAC and allocates nothing more unless a second VM has it: the
  // page runs this on every rows change, at 100,000 rows where duplicates are rare (a Set and a `namespace/name`
  // string per row cost 1.8 s of the first load at 25,000 VMs × 4, bench/vm-networks).
  const first = new Map<string, MacRow>();
  let shared: Map<string, Set<string>> | undefined;
  for (const r of rows) {
    if (!r.mac) continue;
    const f = first.get(r.mac);
    if (!f) first.set(r.mac, r);
    else if (f.namespace !== r.namespace || f.vmName !== r.vmName || shared?.has(r.mac)) {
      shared ??= new Map();
      let vms = shared.get(r.mac);
      if (!vms) shared.set(r.mac, (vms = new Set([`${f.namespace}/${f.vmName}`])));
      vms.add(`${r.namespace}/${r.vmName}`);
    }
  }
  const out = new Map<string, string[]>();
  if (!shared) return out;
  for (const r of rows) {
    const vms = r.mac ? shared.get(r.mac) : undefined;
    if (!vms || vms.size < 2) continue;
    const me = `${r.namespace}/${r.vmName}`;
    out.set(r.id, [...vms].filter((v) => v !== me).sort());
  }
  return out;
};
