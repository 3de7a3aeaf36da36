/** i18next for the shell: the plugin's English strings, bundled (the console loads them over HTTP instead). */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en/plugin__vm-network-console-plugin.json';
import { NS } from '../src/i18n/ns';

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  ns: [NS],
  defaultNS: NS,
  resources: { en: { [NS]: en } },
  // The console's conventions: keys are the English text; '~' separates namespace; no key separator.
  nsSeparator: '~',
  keySeparator: false,
  interpolation: { escapeValue: false },
});

export default i18n;
