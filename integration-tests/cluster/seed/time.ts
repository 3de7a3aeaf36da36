// One timestamp for a whole seed run, so conditions and heartbeats look fresh (RFC 3339, whole seconds).
export const SEED_TIME = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
