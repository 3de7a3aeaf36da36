/**
 * The node-state bench page. `?mode=page` renders the real NodeNetworkStatePage as the standalone shell does
 * (react-router, i18n, the SDK aliased to shell/sdk.ts; the page brings its own react-query client) over an
 * in-memory API (the vm-networks bench's fake fetch and silent watch sockets) answering one NodeNetworkState list,
 * plus a plain `<input>` for the keystroke floor. `?mode=floor` lists the same data through the same client,
 * builds the rows with nodeStateRows and renders the first 50 in a bare <table>. `&nodes=&ifaces=` size the data
 * (default 100 × 100).
 */
import '@patternfly/react-core/dist/styles/base.css';
import '../../shell/i18n';
import type { FC } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import NodeNetworkStatePage from '../../src/views/host-networks/NodeNetworkStatePage';
import { K8sContext } from '../../src/k8s/K8sContext';
import { createK8sClient, type K8sClient } from '../../src/k8s/client';
import { NodeNetworkStateModel, resourcePath } from '../../src/k8s/models';
import { nodeStateRows, type HostInterfaceRow } from '../../src/domain/hostnetworks/nodeState';
import { manyNodeStates } from '../../src/domain/testing/hostnetworks';
import { fakeFetch, listJson, silentSocket } from '../vm-networks/fakeApi';
import { installProbe } from '../vm-networks/probe';
import { NODE_STATE_SELECTORS } from './selectors';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'page';
const BASE = '/api/kubernetes';
const lists = new Map([
  [
    `${BASE}${resourcePath(NodeNetworkStateModel)}`,
    listJson(manyNodeStates(Number(params.get('nodes') ?? 100), Number(params.get('ifaces') ?? 100))),
  ],
]);
const raw = createK8sClient({
  baseUrl: BASE,
  wsBaseUrl: 'ws://bench.invalid/api/kubernetes',
  fetch: fakeFetch(lists),
  openWebSocket: silentSocket,
});
/** When the list call resolved (parsed, in memory): the data became available to the page. */
let listedAt: number | undefined;
const client: K8sClient = {
  ...raw,
  listAll: async (model, o) => {
    const r = await raw.listAll(model, o);
    if (r.ok) listedAt = performance.now();
    return r;
  },
};
const root = createRoot(document.getElementById('root') as HTMLElement);

const Page: FC = () => (
  <K8sContext.Provider value={{ client }}>
    <MemoryRouter initialEntries={['/vm-host-networks/node-state']}>
      <input data-test="floor-input" aria-label="Keystroke floor" />
      <NodeNetworkStatePage />
    </MemoryRouter>
  </K8sContext.Provider>
);

const FloorTable: FC<{ rows: readonly HostInterfaceRow[] }> = ({ rows }) => (
  <table>
    <tbody>
      {rows.map((r) => (
        <tr key={r.id} data-test={`hostif-${r.id}`}>
          <td>{r.node}</td>
          <td>{r.name}</td>
          <td>{r.type}</td>
          <td>{r.state}</td>
          <td>{r.mtu}</td>
          <td>{r.mac}</td>
          <td>{[...r.ipv4, ...r.ipv6].join(', ')}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** Kept reachable, as the page keeps its list and rows, so the heap numbers compare like with like. */
const floorData: { rows?: HostInterfaceRow[]; items?: unknown[] } = {};

const mountFloor = () => {
  void client.listAll(NodeNetworkStateModel).then((r) => {
    if (!r.ok) throw new Error('floor: the in-memory list failed');
    floorData.items = r.value.items;
    const t0 = performance.now();
    floorData.rows = nodeStateRows(r.value.items);
    window.__bench.marks.rows = performance.now() - t0;
    root.render(<FloorTable rows={floorData.rows.slice(0, 50)} />);
  });
};

installProbe(
  () => listedAt,
  mode === 'floor' ? mountFloor : () => root.render(<Page />),
  NODE_STATE_SELECTORS,
).ready = true;
