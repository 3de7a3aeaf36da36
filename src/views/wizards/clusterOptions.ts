/** Choices for the wizards' inputs from the live cluster (suggestions; the validators warn about unknown ones). */
import type { ClusterContext } from '../../domain/manifests/shared/context';
import { getPhysicalNetworkOptions } from '../../domain/manifests/shared/options';

/** Localnet names mapped by NNCP bridge mappings, without duplicates. */
export const physicalNetworkNames = (ctx: ClusterContext): string[] => [
  ...new Set(getPhysicalNetworkOptions(ctx.nncps ?? []).map((o) => o.name)),
];

/** Linux bridges present on every node that reports its state. */
export const bridgeNames = (ctx: ClusterContext): string[] => {
  const perNode = (ctx.nodeStates ?? []).map(
    (s) =>
      new Set(
        (s.status?.currentState?.interfaces ?? [])
          .filter((i) => i.type === 'linux-bridge')
          .map((i) => i.name),
      ),
  );
  const [first, ...rest] = perNode;
  return first ? [...first].filter((b) => rest.every((n) => n.has(b))).sort() : [];
};
