/**
 * `group~version~Kind` as the console writes it in resource URLs. The group must be a DNS subdomain (or empty for
 * the core group), so no URL text ('..', '/') can steer the API path built from it; anything else is refused.
 */
const GROUP = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)?$/;

export const parseGvk = (gvk: string): { group: string; version: string; kind: string } | undefined => {
  const m = /^([^~]*)~(v[0-9][0-9a-z]*)~([A-Za-z][A-Za-z0-9]*)$/.exec(gvk);
  if (!m || !GROUP.test(m[1]!)) return undefined;
  return { group: m[1]!, version: m[2]!, kind: m[3]! };
};
