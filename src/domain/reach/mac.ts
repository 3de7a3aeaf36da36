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

/** A MAC as rows carry it (`xx:xx:xx:xx:xx:xx`, lower-case hex) as a number; NaN for any other text. */
const macNumber = (mac: string): number => {
  if (mac.length !== 17) return NaN;
  let value = 0;
  for (let i = 0; i < 17; i++) {
    const c = mac.charCodeAt(i);
    if (i % 3 === 2) {
      if (c !== 58 /* ':' */) return NaN;
      continue;
    }
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) return NaN;
    value = value * 16 + digit;
  }
  return value;
};

/**
 * The rows whose MAC text another row also has. MACs are compared as numbers in one sorted typed array, so the page
 * (100,000 rows at 25,000 VMs × 4, duplicates rare) allocates nothing per row: a Map entry per MAC cost ~200 ms of
 * the first load (bench/vm-networks). MACs in another form (rare) are counted in a Map of their own.
 */
const rowsSharingAMac = <R extends MacRow>(rows: readonly R[]): R[] => {
  const values = new Float64Array(rows.length).fill(NaN);
  let other: Map<string, number> | undefined;
  for (let i = 0; i < rows.length; i++) {
    const mac = rows[i]!.mac;
    if (!mac) continue;
    const v = macNumber(mac);
    if (!Number.isNaN(v)) values[i] = v;
    else (other ??= new Map()).set(mac, (other.get(mac) ?? 0) + 1);
  }
  const sorted = values.slice().sort(); // NaN last
  let repeated: Set<number> | undefined;
  for (let i = 1; i < sorted.length && !Number.isNaN(sorted[i]); i++)
    if (sorted[i] === sorted[i - 1]) (repeated ??= new Set()).add(sorted[i]!);
  if (!repeated && !other) return [];
  return rows.filter(
    (r, i) => repeated?.has(values[i]!) || (r.mac !== undefined && (other?.get(r.mac) ?? 0) > 1),
  );
};

/**
 * For each row whose MAC another VM's row also has: the other VMs (`namespace/name`), sorted. Rows of one VM
 * sharing a MAC between themselves are not a cross-VM duplicate (KubeVirt refuses that spec anyway).
 */
export const duplicateMacs = (all: readonly MacRow[]): Map<string, string[]> => {
  const rows = rowsSharingAMac(all);
  const out = new Map<string, string[]>();
  if (rows.length === 0) return out;
  const vmsOf = new Map<string, Set<string>>();
  for (const r of rows) {
    let vms = vmsOf.get(r.mac!);
    if (!vms) vmsOf.set(r.mac!, (vms = new Set()));
    vms.add(`${r.namespace}/${r.vmName}`);
  }
  for (const r of rows) {
    const vms = vmsOf.get(r.mac!)!;
    if (vms.size < 2) continue;
    const me = `${r.namespace}/${r.vmName}`;
    out.set(r.id, [...vms].filter((v) => v !== me).sort());
  }
  return out;
};
