/** Finds translation keys in source text: literal first arguments of t(), and console-extension %ns~key% strings. */
const T_CALL = /\bt\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
const EXT_KEY = /%plugin__vm-network-console-plugin~([^%]+)%/g;

const unescape = (s: string) => s.replace(/\\(['"`\\])/g, '$1').replace(/\\n/g, '\n');

export const extractKeys = (text: string): string[] => {
  const keys: string[] = [];
  for (const m of text.matchAll(T_CALL)) {
    // Template literals with ${} are not static keys: the parser cannot know them, so they are refused in review.
    if (m[1] === '`' && m[2]!.includes('${')) continue;
    keys.push(unescape(m[2]!));
  }
  for (const m of text.matchAll(EXT_KEY)) keys.push(m[1]!);
  return keys;
};
