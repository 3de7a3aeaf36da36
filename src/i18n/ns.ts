/** The plugin's i18next namespace; console serves locales/<lng>/<NS>.json for it. */
export const NS = 'plugin__vm-network-console-plugin';
