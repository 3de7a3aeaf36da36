/** Tests apply patches with the domain's own RFC 6902 applier (kube/jsonPatch.ts). */
export { applyPatch, PatchTestFailed } from '../kube/jsonPatch';
