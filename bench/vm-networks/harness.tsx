/**
 * The bench page. `?mode=page` renders the real VMNetworksPage as the standalone shell does (react-router, i18n,
 * the SDK aliased to shell/sdk.ts; the page brings its own react-query client) over an in-memory API
 * (fakeApi.ts), plus a plain `<input>` for the keystroke floor. `?mode=floor` lists the same data through the same client and renders the
 * first 50 rows of buildVMRows as a bare <table>. `&vms=&nics=` size the data (default 10,000 × 4).
 */
import '@patternfly/react-core/dist/styles/base.css';
import '../../shell/i18n';
import type { FC } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import VMNetworksPage from '../../src/views/vm-interfaces/VMNetworksPage';
import { K8sContext } from '../../src/k8s/K8sContext';
import { VirtualMachineInstanceModel, VirtualMachineModel } from '../../src/k8s/models';
import { buildVMRows, type InterfaceRow } from '../../src/domain/interfaces/rows';
import { benchClient, generateLists } from './fakeApi';
import { installProbe } from './probe';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'page';
const { client, dataAt } = benchClient(
  generateLists(Number(params.get('vms') ?? 10_000), Number(params.get('nics') ?? 4)),
);
const root = createRoot(document.getElementById('root') as HTMLElement);

/** The page brings its own QueryClientProvider (withPluginQueries), as in the console. */
const Page: FC = () => (
  <K8sContext.Provider value={{ client }}>
    <MemoryRouter initialEntries={['/vm-networks']}>
      <input data-test="floor-input" aria-label="Keystroke floor" />
      <VMNetworksPage />
    </MemoryRouter>
  </K8sContext.Provider>
);

const FloorTable: FC<{ rows: readonly InterfaceRow[] }> = ({ rows }) => (
  <table>
    <tbody>
      {rows.map((r) => (
        <tr key={r.id} data-test={`row-${r.namespace}-${r.vmName}-${r.name}`}>
          <td>{r.vmName}</td>
          <td>{r.namespace}</td>
          <td>{r.name}</td>
          <td>{r.network?.key}</td>
          <td>{r.binding}</td>
          <td>{r.mac}</td>
          <td>{r.ips.map((ip) => ip.address).join(', ')}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** Kept reachable, as the page keeps its lists and rows, so the heap numbers compare like with like. */
const floorData: { rows?: InterfaceRow[]; lists?: unknown[] } = {};

const mountFloor = () => {
  void Promise.all([client.listAll(VirtualMachineModel), client.listAll(VirtualMachineInstanceModel)]).then(
    ([vms, vmis]) => {
      if (!vms.ok || !vmis.ok) throw new Error('floor: the in-memory lists failed');
      floorData.lists = [vms.value.items, vmis.value.items];
      const t0 = performance.now();
      floorData.rows = buildVMRows(vms.value.items, vmis.value.items);
      window.__bench.marks.buildVMRows = performance.now() - t0;
      root.render(<FloorTable rows={floorData.rows.slice(0, 50)} />);
    },
  );
};

installProbe(dataAt, mode === 'floor' ? mountFloor : () => root.render(<Page />)).ready = true;
