// Style rules of the OpenShift console plugin template (openshift/console-plugin-template .stylelintrc.yaml):
// PatternFly tokens instead of colour literals (they follow the console's light and dark themes), and no
// selectors on PatternFly's or the console's own classes (`.pf-…`, `.co-…`), which change under plugins.
/** @type {import('stylelint').Config} */
export default {
  extends: ['stylelint-config-standard'],
  ignoreFiles: ['dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'],
  rules: {
    'color-named': 'never',
    'color-no-hex': true,
    'function-disallowed-list': ['rgb', 'rgba', 'hsl', 'hsla'],
    'selector-disallowed-list': ['*', '/\\.(pf|co)-/'],
    // Naked element selectors (`table`, `li`) would restyle the console's own pages.
    'selector-max-type': [0, { ignore: ['compounded', 'descendant'] }],
    // PatternFly's names are not kebab-case: BEM classes (`block__element--modifier`) and tokens (`--pf-t--global--…`).
    'selector-class-pattern': null,
    'custom-property-pattern': null,
  },
};
