/**
 * Joins the live VM, VMI and NAD lists into interface rows (domain/interfaces/rows.ts) and keeps IPs that
 * flap away visible as stale (ipMemory.ts). The hook only wires data; every rule lives in the domain.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { VM, VMI } from '../../domain/kube/vm';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import { sameRows, type SearchResult } from '../../domain/interfaces/search';
import { rowIndex } from '../../domain/interfaces/searchIndex';
import { createRowBuilder } from '../../domain/interfaces/rowCache';
import { lazyEmptyIpMemory, rememberIpsLater, type LazyIpMemory } from '../../domain/interfaces/ipMemory';
import { primaryUdnNamespaces } from '../../domain/interfaces/nadTypes';
import type { NetworkAttachmentDefinition } from '../../domain/kube/networks';
import {
  NetworkAttachmentDefinitionModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
} from '../../k8s/models';
import { useWatchResources } from '../../k8s/useWatchResources';
import type { Connection } from '../../k8s/useWatchList';
import type { K8sError } from '../../k8s/errors';

export type VMNetworkRows = {
  rows: InterfaceRow[];
  vms: VM[];
  vmis: VMI[];
  nads: NetworkAttachmentDefinition[];
  loaded: boolean;
  error: K8sError | null;
  connections: Connection[];
};

const NO_ROWS: InterfaceRow[] = [];

export const useVMNetworkRows = (namespace?: string): VMNetworkRows => {
  const vms = useWatchResources<VM>(VirtualMachineModel, { namespace });
  const vmis = useWatchResources<VMI>(VirtualMachineInstanceModel, { namespace });
  // NADs tell which namespaces have a primary UDN; without them rows still show, as "pod network".
  const nads = useWatchResources<NetworkAttachmentDefinition>(NetworkAttachmentDefinitionModel, {
    namespace,
  });
  const primary = useMemo(() => primaryUdnNamespaces(nads.data), [nads.data]);
  const memory = useRef<LazyIpMemory>(lazyEmptyIpMemory);
  const last = useRef<{ built?: InterfaceRow[]; rows: InterfaceRow[] }>({ rows: NO_ROWS });
  // Rebuilds only the VMs a watch event changed (rowCache.ts).
  const [buildRows] = useState(createRowBuilder);
  const opts = useMemo(() => ({ primaryUdnNamespaces: primary }), [primary]);
  const loaded = vms.loaded && vmis.loaded;
  const rows = useMemo(() => {
    // Not before both lists are in: rows of VMs without their VMIs would all be built again a moment later (and
    // the first set kept alive by React's previous render: twice the rows in memory).
    if (!loaded) return NO_ROWS;
    const built = buildRows(vms.data, vmis.data, opts);
    // No row changed (the builder gave the same array back): the rows shown stay, and so does all computed from them.
    if (built === last.current.built) return last.current.rows;
    // The first rows show at once; their IP memory is built when the next rows come (ipMemory.ts).
    const next = rememberIpsLater(memory.current, built, Date.now());
    memory.current = next.memory;
    last.current = { built, rows: next.rows };
    return next.rows;
  }, [buildRows, vms.data, vmis.data, opts, loaded]);
  return {
    rows,
    vms: vms.data,
    vmis: vmis.data,
    nads: nads.data,
    loaded,
    error: vms.error ?? vmis.error,
    connections: [vms.connection, vmis.connection, nads.connection],
  };
};

/**
 * The previous search result while a new one holds the very same rows (typing "vm-" after "vm" at 40,000 rows):
 * the table then skips its render entirely.
 */
export const useSameRows = (result: SearchResult): SearchResult => {
  const last = useRef(result);
  if (result !== last.current && !sameRows(result.rows, last.current.rows)) last.current = result;
  return last.current;
};

/**
 * Builds the rows' search index (searchIndex.ts, ~40 ms at 40,000 rows) while the browser is idle, so the first
 * keystroke after the list loads or changes does not pay for it.
 */
export const useSearchIndexWhenIdle = (rows: readonly InterfaceRow[]): void => {
  useEffect(() => {
    if (rows.length === 0) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => rowIndex(rows), { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(() => rowIndex(rows), 200);
    return () => clearTimeout(timer);
  }, [rows]);
};
