// kubernetes-nmstate's admission rules for a NodeNetworkConfigurationPolicy (the nncp-validation-policy VAP,
// formerly pkg/webhook/nodenetworkconfigurationpolicy/validation.go), one named case per rule.
import { describe, expect, it } from 'vitest';
import type { NodeNetworkConfigurationPolicy } from '../../kube/networks';
import { codes } from '../../testing/manifests';
import { validateManifest } from '../validate';
import { emptyNNCPForm } from './nncp';
import { validateNNCP } from './nncpValidate';
import { isPolicyInProgress } from './webhookRules';

const policy = (
  name: string,
  spec: Record<string, unknown> = {},
  reason?: string,
): NodeNetworkConfigurationPolicy => ({
  apiVersion: 'nmstate.io/v1',
  kind: 'NodeNetworkConfigurationPolicy',
  metadata: { name },
  spec: {
    desiredState: { interfaces: [{ name: 'br1', type: 'linux-bridge', state: 'up' }] },
    ...spec,
  },
  ...(reason !== undefined
    ? { status: { conditions: [{ type: 'Available', status: 'False', reason }] } }
    : {}),
});
const errors = (obj: unknown, nncps: NodeNetworkConfigurationPolicy[] = []) =>
  codes(validateManifest(obj, { nncps }), 'error');

describe('kubernetes-nmstate admission: NodeNetworkConfigurationPolicy', () => {
  const long = 'a'.repeat(64);

  it('refuses a new policy named longer than 63 characters (also a label value)', () => {
    expect(errors(policy(long))).toEqual(['nncp-name-length@metadata.name']);
    expect(errors(policy('a'.repeat(63)))).toEqual([]);
    expect(codes(validateNNCP({ ...emptyNNCPForm('linux-bridge'), name: long }), 'error')).toContain(
      'nncp-name-length@name',
    );
  });

  it('checks the name only on create (an existing policy is an update)', () => {
    expect(errors(policy(long), [policy(long, {}, 'SuccessfullyConfigured')])).toEqual([]);
  });

  it('refuses a changed spec while the policy is still in progress', () => {
    const changed = policy('p1', { nodeSelector: { a: 'b' } });
    expect(errors(changed, [policy('p1', {}, 'ConfigurationProgressing')])).toEqual([
      'nncp-in-progress@spec',
    ]);
    expect(errors(changed, [policy('p1', {}, '')])).toEqual(['nncp-in-progress@spec']);
    expect(errors(changed, [policy('p1', {}, 'SuccessfullyConfigured')])).toEqual([]);
    // An unchanged spec is not a spec change (applying the same file again).
    expect(errors(policy('p1'), [policy('p1', {}, 'ConfigurationProgressing')])).toEqual([]);
  });

  it('refuses a change of spec.capture', () => {
    const before = policy('p1', { capture: { eth: 'interfaces.name=="eth1"' } }, 'SuccessfullyConfigured');
    const after = policy('p1', { capture: { eth: 'interfaces.name=="eth2"' } });
    expect(errors(after, [before])).toEqual(['nncp-capture-immutable@spec.capture']);
  });

  it('refuses more than 256 nodeSelector entries (CRD maxProperties)', () => {
    const nodeSelector = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`k${i}`, 'v']));
    expect(errors(policy('p1', { nodeSelector }))).toEqual(['too-many@spec.nodeSelector']);
  });

  it('a policy without an Available reason is in progress', () => {
    expect(isPolicyInProgress(policy('p'))).toBe(true);
    expect(isPolicyInProgress(policy('p', {}, 'FailedToConfigure'))).toBe(false);
  });
});
