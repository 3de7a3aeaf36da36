/**
 * Maps the field paths of a failed dry run (Status.details.causes[].field, e.g. `spec.network.layer2.subnets[1]`)
 * back to the wizard's form fields, so a server refusal shows under the field the user typed into. The tables are
 * the ones the manifest readers use for the other direction (shared/fieldPaths.ts). Paths we cannot place (a CEL
 * rule on a whole object, `spec.config` of a NAD) land on REVIEW_FIELD.
 */
import type { FieldIssue } from '../issues';
import type { UDNTopology } from '../kube/networks';
import { nadFieldTable } from './nad/nadManifest';
import { NNCP_FIELD_TABLE } from './nncp/nncpManifest';
import { type FieldTable, META_RENAMES, fieldOfPath } from './shared/fieldPaths';
import type { NetworkKind } from './shared/kinds';
import { SRIOV_FIELD_TABLE } from './sriov/sriovManifest';
import { udnFieldTable } from './udn/udnManifest';

/** Issues shown on the review step rather than under one field. */
export const REVIEW_FIELD = 'review';

const TOPOLOGY: Record<string, UDNTopology> = { layer2: 'Layer2', layer3: 'Layer3', localnet: 'Localnet' };

const tableOf = (kind: NetworkKind): FieldTable => {
  const [prefix = '', rest = ''] = kind.split(/-(.*)/);
  if (prefix === 'udn' || prefix === 'cudn') return udnFieldTable(prefix === 'cudn', TOPOLOGY[rest]);
  if (prefix === 'nad') return nadFieldTable(rest === 'localnet' ? 'localnet' : undefined); // only vlan differs
  if (prefix === 'sriov') return SRIOV_FIELD_TABLE;
  if (prefix === 'nncp') return NNCP_FIELD_TABLE;
  return { renames: META_RENAMES };
};

/** The form field for a server path of `kind`'s manifest; undefined when it belongs to no single field. */
export const formFieldOf = (kind: NetworkKind, path: string): string | undefined =>
  fieldOfPath(tableOf(kind), path.trim());

/** Server issues re-addressed to form fields; the original path is kept in params for the review list. */
export const mapServerIssues = (kind: NetworkKind, issues: readonly FieldIssue[]): FieldIssue[] =>
  issues.map((i) => ({
    ...i,
    field: formFieldOf(kind, i.field) ?? REVIEW_FIELD,
    params: { ...i.params, path: i.field },
  }));
