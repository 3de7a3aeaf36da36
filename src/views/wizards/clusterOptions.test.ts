import { describe, expect, it } from 'vitest';
import type { NodeNetworkConfigurationPolicy, NodeNetworkState } from '../../domain/kube/networks';
import { bridgeNames, physicalNetworkNames } from './clusterOptions';

const state = (node: string, bridges: string[]) =>
  ({
    apiVersion: 'nmstate.io/v1beta1',
    kind: 'NodeNetworkState',
    metadata: { name: node },
    status: {
      currentState: { interfaces: bridges.map((name) => ({ name, type: 'linux-bridge', state: 'up' })) },
    },
  }) as unknown as NodeNetworkState;

const policy = (name: string, localnets: string[]) =>
  ({
    apiVersion: 'nmstate.io/v1',
    kind: 'NodeNetworkConfigurationPolicy',
    metadata: { name },
    spec: {
      desiredState: {
        ovn: { 'bridge-mappings': localnets.map((localnet) => ({ localnet, bridge: 'br-ex' })) },
      },
    },
  }) as unknown as NodeNetworkConfigurationPolicy;

describe('cluster options', () => {
  it('offers bridges present on every node', () => {
    expect(bridgeNames({ nodeStates: [state('a', ['br1', 'br2']), state('b', ['br2'])] })).toEqual(['br2']);
    expect(bridgeNames({})).toEqual([]);
  });
  it('offers each mapped localnet name once', () => {
    expect(physicalNetworkNames({ nncps: [policy('p1', ['ext']), policy('p2', ['ext', 'dmz'])] })).toEqual([
      'dmz',
      'ext',
    ]);
  });
});
