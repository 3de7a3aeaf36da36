/**
 * Namespace hints for users who may not list namespaces (Node side, pure). OpenShift answers "which namespaces can
 * I see" with its projects API; upstream Kubernetes has none, so the shell stands in for it with the namespace list
 * of the first of its users who may list namespaces: the current user first, then the others (the plugin still
 * checks each namespace with an access review, so a hint never grants anything).
 */

/** The names in a namespace list body; anything else (no `items`, a Status, garbage) is no answer. */
export const namespaceNames = (body: unknown): string[] | undefined => {
  const items = (body as { items?: unknown } | null | undefined)?.items;
  if (!Array.isArray(items)) return undefined;
  return items
    .map((n) => (n as { metadata?: { name?: unknown } } | null)?.metadata?.name)
    .filter((n): n is string => typeof n === 'string' && n !== '');
};

/**
 * Asks `listAs(user)` (the parsed body of GET /api/v1/namespaces as that user, or undefined when refused or
 * unreachable) for each candidate, current user first; never throws.
 */
export const namespaceHints = async (
  current: string | undefined,
  users: readonly string[],
  listAs: (user: string) => Promise<unknown>,
): Promise<string[]> => {
  const order = current ? [current, ...users.filter((u) => u !== current)] : [];
  for (const user of order) {
    const names = namespaceNames(await listAs(user).catch(() => undefined));
    if (names) return names;
  }
  return [];
};
