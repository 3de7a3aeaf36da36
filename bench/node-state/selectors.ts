import type { PageSelectors } from '../vm-networks/probe';

/** Where NodeNetworkStatePage shows its rows, its summary and its "nothing matches" state. */
export const NODE_STATE_SELECTORS: PageSelectors = {
  row: 'tr[data-test^="hostif-if:"]',
  summary: '[data-test="hostnet-summary"]',
  empty: '[data-test="empty-filtered"]',
};
