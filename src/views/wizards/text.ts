/** Parsing of the wizard's free-text inputs (comma lists, label maps); the form models hold the parsed values. */

/** "a, b,,c" → ['a', 'b', 'c']. */
export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * "k=v, role" → { k: 'v', role: '' } (a bare key selects the label with an empty value, as node-role labels
 * have). Invalid keys are kept so the validators can name them.
 */
export const parseLabels = (text: string): Record<string, string> =>
  Object.fromEntries(
    splitList(text).map((pair) => {
      const i = pair.indexOf('=');
      return i < 0 ? [pair, ''] : [pair.slice(0, i).trim(), pair.slice(i + 1).trim()];
    }),
  );

export const formatLabels = (labels: Record<string, string> | undefined): string =>
  Object.entries(labels ?? {})
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`))
    .join(', ');

/** '' → undefined; anything else as a number (NaN included, so the validator reports it). */
export const parseOptionalNumber = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text);
