import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemasFromCrds, schemasFromOpenApi, validateAgainstSchema } from './structural';

/** A small CRD written for this test, shaped like the UDN one (layer2 with subnets and ipam). */
const CRD = parse(`
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
spec:
  group: k8s.ovn.org
  names: {kind: UserDefinedNetwork}
  versions:
  - name: v1
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [topology]
            properties:
              topology: {type: string, enum: [Layer2, Layer3]}
              layer2:
                type: object
                properties:
                  subnets: {type: array, items: {type: string}}
                  mtu: {type: integer}
                  ipam:
                    type: object
                    properties:
                      lifecycle: {type: string, enum: [Persistent]}
              extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
              labels: {type: object, additionalProperties: {type: string}}
`) as unknown;

const schemas = schemasFromCrds([CRD]);
const codes = (obj: unknown) => validateAgainstSchema(obj, schemas)?.map((i) => `${i.code}@${i.field}`);
const udn = (spec: unknown) => ({
  apiVersion: 'k8s.ovn.org/v1',
  kind: 'UserDefinedNetwork',
  metadata: { name: 'a', anything: 1 },
  spec,
});

describe('validateAgainstSchema', () => {
  it('finds a field the server would prune: spec.ipam of a UDN (it belongs under spec.layer2)', () => {
    expect(
      codes(
        udn({ topology: 'Layer2', ipam: { lifecycle: 'Persistent' }, layer2: { subnets: ['10.0.0.0/24'] } }),
      ),
    ).toEqual(['schema-unknown-field@spec.ipam']);
    expect(codes(udn({ topology: 'Layer2', layer2: { ipam: { lifecycle: 'Persistent' } } }))).toEqual([]);
  });

  it('checks types, enums and required fields; keeps preserved and map fields', () => {
    expect(
      codes(
        udn({
          topology: 'Layer4',
          layer2: { subnets: '10.0.0.0/24', mtu: '1400' },
          extra: { free: { form: true } },
          labels: { a: 'b', c: 3 },
        }),
      ),
    ).toEqual([
      'enum-value@spec.topology',
      'schema-type@spec.layer2.subnets',
      'schema-type@spec.layer2.mtu',
      'schema-type@spec.labels.c',
    ]);
    expect(codes(udn({}))).toEqual(['required@spec.topology']);
  });

  it('says nothing for a kind it has no schema for', () => {
    expect(validateAgainstSchema({ apiVersion: 'v1', kind: 'Pod' }, schemas)).toBeUndefined();
    expect(validateAgainstSchema({ ...udn({}), kind: 'ClusterUserDefinedNetwork' }, schemas)).toBeUndefined();
  });

  it('refuses a version of a known kind that the CRD does not serve, naming the served ones', () => {
    const issues = validateAgainstSchema({ ...udn({}), apiVersion: 'k8s.ovn.org/v2' }, schemas);
    expect(issues?.map((i) => `${i.code}@${i.field}`)).toEqual(['schema-version-not-served@apiVersion']);
    expect(issues?.[0]?.params).toMatchObject({ served: 'v1', apiVersion: 'k8s.ovn.org/v2' });
    const withOld = parse(
      JSON.stringify(CRD).replace(
        '"versions":[',
        '"versions":[{"name":"v1alpha1","served":false,"schema":{"openAPIV3Schema":{"type":"object"}}},',
      ),
    ) as unknown;
    const old = validateAgainstSchema(
      { ...udn({}), apiVersion: 'k8s.ovn.org/v1alpha1' },
      schemasFromCrds([withOld]),
    );
    expect(old?.map((i) => i.code)).toEqual(['schema-version-not-served']);
  });
});

describe('schemasFromOpenApi', () => {
  /** The CRD's schema as the API server publishes it at /openapi/v3/apis/k8s.ovn.org/v1. */
  const crdSchema = (
    CRD as { spec: { versions: { schema: { openAPIV3Schema: Record<string, unknown> } }[] } }
  ).spec.versions[0]?.schema.openAPIV3Schema;
  const doc = {
    components: {
      schemas: {
        'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': { type: 'object', properties: {} },
        'org.ovn.k8s.v1.UserDefinedNetwork': {
          ...crdSchema,
          properties: {
            ...(crdSchema?.properties as object),
            metadata: {
              allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }],
            },
            embedded: {
              type: 'object',
              'x-kubernetes-embedded-resource': true,
              properties: { metadata: { $ref: 'x' } },
            },
          },
          'x-kubernetes-group-version-kind': [
            { group: 'k8s.ovn.org', kind: 'UserDefinedNetwork', version: 'v1' },
          ],
        },
        'org.ovn.k8s.v1.UserDefinedNetworkList': {
          type: 'object',
          'x-kubernetes-group-version-kind': [
            { group: 'k8s.ovn.org', kind: 'UserDefinedNetworkList', version: 'v1' },
          ],
        },
      },
    },
  };
  const published = schemasFromOpenApi([doc, 'not a document', { components: 3 }]);
  const check = (obj: unknown) => validateAgainstSchema(obj, published)?.map((i) => `${i.code}@${i.field}`);

  it('reads the kinds the documents name, as the CRD schema would check them; lists left out', () => {
    expect([...published.keys()]).toEqual(['k8s.ovn.org/UserDefinedNetwork']);
    expect(check(udn({ topology: 'Layer2', ipam: { lifecycle: 'Persistent' } }))).toEqual([
      'schema-unknown-field@spec.ipam',
    ]);
    expect(check(udn({ topology: 'Layer4', layer2: { mtu: '1400' } }))).toEqual([
      'enum-value@spec.topology',
      'schema-type@spec.layer2.mtu',
    ]);
  });

  it('accepts anything behind a reference (ObjectMeta, validated by the server itself), even inside an embedded object', () => {
    expect(
      check({ ...udn({ topology: 'Layer2' }), embedded: { metadata: { name: 'x', extra: 1 }, kind: 'K' } }),
    ).toEqual([]);
  });
});
