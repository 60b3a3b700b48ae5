import i18next, { type TFunction } from 'i18next';
import type { UiLanguage } from './languages.ts';
import { loadResources } from './resources.ts';

let ready: Promise<typeof i18next> | undefined;

/** One i18next instance for the server process and the CLI, with every namespace loaded. */
export function nodeI18n(): Promise<typeof i18next> {
  ready ??= (async () => {
    const resources = loadResources();
    const instance = i18next.createInstance();
    await instance.init({
      resources,
      lng: 'en',
      fallbackLng: 'en',
      ns: Object.keys(resources.en ?? {}),
      defaultNS: 'common',
      interpolation: { escapeValue: false },
    });
    return instance as typeof i18next;
  })();
  return ready;
}

export async function translatorFor(lang: UiLanguage, ns = 'common'): Promise<TFunction> {
  return (await nodeI18n()).getFixedT(lang, ns);
}
