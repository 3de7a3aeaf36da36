/**
 * Synthetic NodeNetworkStates for benches and browser tests: `nodes` nodes named bench-<n>, each with `ifaces`
 * interfaces eth<i> (every 10th a bond of the next two, every 7th down), one IPv4 address each (10.<n>.<i>.1/24) and
 * a MAC 52:54:00:00:<n>:<i> (hex). Deterministic: the same arguments give the same objects.
 */
import type { NodeNetworkState } from '../kube/networks';

const hex = (n: number) => (n & 255).toString(16).padStart(2, '0');

export const manyNodeStates = (nodes: number, ifaces: number): NodeNetworkState[] =>
  Array.from({ length: nodes }, (_, n) => ({
    apiVersion: 'nmstate.io/v1beta1',
    kind: 'NodeNetworkState',
    metadata: { name: `bench-${n}`, uid: `bench-${n}`, resourceVersion: '1' },
    status: {
      currentState: {
        interfaces: Array.from({ length: ifaces }, (_, i) => ({
          name: `eth${i}`,
          type: i % 10 === 0 ? 'bond' : 'ethernet',
          state: i % 7 === 0 ? 'down' : 'up',
          mtu: 1500,
          'mac-address': `52:54:00:00:${hex(n)}:${hex(i)}`,
          ipv4: { enabled: true, address: [{ ip: `10.${n}.${i}.1`, 'prefix-length': 24 }] },
          ...(i % 10 === 0
            ? { 'link-aggregation': { mode: '802.3ad', port: [`eth${i + 1}`, `eth${i + 2}`] } }
            : {}),
        })),
      },
    },
  }));
