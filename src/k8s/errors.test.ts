import { describe, expect, it } from 'vitest';
import {
  fromException,
  isTransient,
  mayBeConcurrentChange,
  parseMissingPermission,
  toK8sError,
} from './errors';

const status = (code: number, reason: string, message: string, details?: object) => ({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  code,
  reason,
  message,
  ...(details ? { details } : {}),
});

describe('toK8sError', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [422, 'invalid'],
    [400, 'invalid'],
    [502, 'unreachable'],
    [503, 'unreachable'],
    [500, 'unknown'],
    [410, 'unknown'],
  ])('%i → %s', (code, kind) => {
    expect(toK8sError(code, status(code, 'X', 'msg')).kind).toBe(kind);
  });

  it('403 names the missing permission (namespaced)', () => {
    const e = toK8sError(
      403,
      status(
        403,
        'Forbidden',
        'virtualmachines.kubevirt.io is forbidden: User "tenant-a" cannot list resource "virtualmachines" in API group "kubevirt.io" in the namespace "tenant-b"',
      ),
    );
    expect(e).toMatchObject({
      kind: 'forbidden',
      status: 403,
      reason: 'Forbidden',
      missingPermission: {
        verb: 'list',
        resource: 'virtualmachines',
        group: 'kubevirt.io',
        namespace: 'tenant-b',
      },
    });
  });

  it('403 at the cluster scope has no namespace; subresources keep their slash', () => {
    expect(
      parseMissingPermission(
        'namespaces is forbidden: User "viewer" cannot list resource "namespaces" in API group "" at the cluster scope',
      ),
    ).toEqual({ verb: 'list', resource: 'namespaces', group: '' });
    expect(
      parseMissingPermission(
        'User "u" cannot update resource "virtualmachines/status" in API group "kubevirt.io"',
      ),
    ).toEqual({ verb: 'update', resource: 'virtualmachines/status', group: 'kubevirt.io' });
  });

  it('422 causes become server FieldIssues with their field paths', () => {
    const e = toK8sError(
      422,
      status(422, 'Invalid', 'NetworkAttachmentDefinition.k8s.cni.cncf.io "x" is invalid: …', {
        name: 'x',
        kind: 'NetworkAttachmentDefinition',
        causes: [
          { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.config' },
          { reason: 'FieldValueInvalid', message: 'Invalid value: "a b"', field: 'metadata.name' },
        ],
      }),
    );
    expect(e.kind).toBe('invalid');
    expect(e.fieldIssues).toEqual([
      {
        field: 'spec.config',
        code: 'server',
        severity: 'error',
        params: { message: 'Required value', reason: 'FieldValueRequired' },
      },
      {
        field: 'metadata.name',
        code: 'server',
        severity: 'error',
        params: { message: 'Invalid value: "a b"', reason: 'FieldValueInvalid' },
      },
    ]);
  });

  it('409 keeps the reason so AlreadyExists and Conflict can be told apart', () => {
    expect(toK8sError(409, status(409, 'AlreadyExists', 'exists'))).toMatchObject({
      kind: 'conflict',
      reason: 'AlreadyExists',
    });
  });

  it('non-Status bodies: text becomes the message, nothing becomes HTTP <code>', () => {
    expect(toK8sError(502, '<html>Bad Gateway</html>')).toMatchObject({
      kind: 'unreachable',
      message: '<html>Bad Gateway</html>',
    });
    expect(toK8sError(500, undefined)).toEqual({ kind: 'unknown', status: 500, message: 'HTTP 500' });
  });
});

describe('fromException', () => {
  it('a network failure is unreachable, with the cause', () => {
    const e = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
    expect(fromException(e)).toEqual({
      kind: 'unreachable',
      message: 'fetch failed: connect ECONNREFUSED 127.0.0.1:1',
    });
  });
  it('an abort is not unreachable', () => {
    expect(fromException(new DOMException('aborted', 'AbortError'))).toMatchObject({
      kind: 'unknown',
      reason: 'Aborted',
    });
  });
});

describe('isTransient', () => {
  it.each([
    [{ kind: 'unreachable', message: '' }, true],
    [{ kind: 'unknown', status: 500, message: '' }, true],
    [{ kind: 'unknown', status: 429, message: '' }, true],
    [{ kind: 'forbidden', status: 403, message: '' }, false],
    [{ kind: 'not-found', status: 404, message: '' }, false],
    [{ kind: 'unknown', status: 410, message: '' }, false],
  ] as const)('%o → %s', (e, transient) => {
    expect(isTransient(e)).toBe(transient);
  });
});

describe('mayBeConcurrentChange', () => {
  it.each<{ what: string; status: number; body: object; expected: boolean }>([
    {
      what: '409 Conflict (stale update)',
      status: 409,
      body: status(409, 'Conflict', 'the object has been modified'),
      expected: true,
    },
    {
      what: 'bare 422 (a failed JSON-patch test op)',
      status: 422,
      body: status(422, 'Invalid', 'the server rejected our request due to an error in our request'),
      expected: true,
    },
    {
      what: '422 naming a field (a real validation error)',
      status: 422,
      body: status(422, 'Invalid', 'VirtualMachine "vm1" is invalid', {
        causes: [
          { field: 'spec.template.spec.domain.devices.interfaces[1].state', message: 'not supported' },
        ],
      }),
      expected: false,
    },
    { what: '403 Forbidden', status: 403, body: status(403, 'Forbidden', 'forbidden'), expected: false },
    {
      what: '404 Not Found (the VM is gone)',
      status: 404,
      body: status(404, 'NotFound', 'not found'),
      expected: false,
    },
  ])('$what → $expected', ({ status: code, body, expected }) => {
    expect(mayBeConcurrentChange(toK8sError(code, body))).toBe(expected);
  });
});
