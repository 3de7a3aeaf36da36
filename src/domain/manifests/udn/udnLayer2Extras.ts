/**
 * Layer2 fields the wizard does not offer but manifests may carry: reservedSubnets, infrastructureSubnets and
 * defaultGatewayIPs. Checked at manifest level with the CRD's CEL rules so the CLI never passes what the API
 * server refuses.
 */
import type { FieldIssue } from '../../issues';
import {
  type Cidr,
  cidrContains,
  cidrContainsIP,
  cidrsOverlap,
  hasHostBits,
  parseCidr,
  parseIP,
} from '../../net/cidr';
import { err } from '../shared/check';
import type { ManifestReader } from '../shared/reader';

const parsedList = (
  r: ManifestReader,
  path: string,
  max: number,
): { field: string; cidr?: Cidr }[] | undefined => {
  const list = r.strings(path);
  if (!list) return undefined;
  if (list.length === 0 || list.length > max) r.issues.push(err(path, 'too-many', { max }));
  return list.map((text, i) => {
    const cidr = text.length <= 43 ? parseCidr(text) : undefined;
    // CEL: isCIDR and "must be a masked network address (no host bits set)".
    if (!cidr) r.issues.push(err(`${path}[${i}]`, 'cidr-invalid'));
    else if (hasHostBits(cidr)) r.issues.push(err(`${path}[${i}]`, 'cidr-host-bits', { canonical: text }));
    return { field: `${path}[${i}]`, ...(cidr ? { cidr } : {}) };
  });
};

/** Adds issues for layer2 reserved/infrastructure subnets and default gateway IPs under `lp` (spec…layer2). */
export const checkLayer2Extras = (
  r: ManifestReader,
  lp: string,
  role: string,
  subnets: readonly string[],
): FieldIssue[] => {
  const nets = subnets.map((s) => parseCidr(s)).filter((c): c is Cidr => c !== undefined);
  const reserved = parsedList(r, `${lp}.reservedSubnets`, 25);
  const infra = parsedList(r, `${lp}.infrastructureSubnets`, 4);
  const gateways = r.strings(`${lp}.defaultGatewayIPs`);
  const issues: FieldIssue[] = [];
  const primaryOnly = (path: string, present: boolean) => {
    if (present && role !== 'Primary')
      issues.push(err(path, 'field-not-allowed', { reason: 'only for primary networks' }));
    if (present && subnets.length === 0)
      issues.push(err(path, 'field-not-allowed', { reason: 'needs subnets' }));
  };
  primaryOnly(`${lp}.reservedSubnets`, reserved !== undefined);
  primaryOnly(`${lp}.infrastructureSubnets`, infra !== undefined);
  primaryOnly(`${lp}.defaultGatewayIPs`, gateways !== undefined);
  [...(reserved ?? []), ...(infra ?? [])].forEach((e) => {
    if (e.cidr && !nets.some((n) => cidrContains(n, e.cidr as Cidr)))
      issues.push(err(e.field, 'outside-subnets'));
  });
  (infra ?? []).forEach((i) => {
    const hit = (reserved ?? []).find((x) => i.cidr && x.cidr && cidrsOverlap(i.cidr, x.cidr));
    if (hit) issues.push(err(i.field, 'subnet-overlap', { other: hit.field, range: '' }));
  });
  const ips = (gateways ?? []).map((g) => parseIP(g));
  ips.forEach((ip, i) => {
    const f = `${lp}.defaultGatewayIPs[${i}]`;
    if (!ip) issues.push(err(f, 'ip-invalid'));
    else if (!nets.some((n) => cidrContainsIP(n, ip))) issues.push(err(f, 'outside-subnets'));
    else if (infra && !infra.some((x) => x.cidr && cidrContainsIP(x.cidr, ip)))
      issues.push(err(f, 'outside-subnets'));
  });
  if (
    gateways &&
    (gateways.length !== subnets.length || (ips.length === 2 && ips[0]?.family === ips[1]?.family))
  ) {
    issues.push(err(`${lp}.defaultGatewayIPs`, 'gateway-per-family'));
  }
  return issues;
};
