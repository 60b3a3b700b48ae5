import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UI_LANGUAGES } from './languages.ts';

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/**
 * Loads `locales/<lang>/<namespace>.json` for the server and CLI. Each feature owns its namespace file,
 * so features add strings without touching each other's files. The web app loads the same files through Vite.
 */
export function loadResources(): Resources {
  const root = join(dirname(fileURLToPath(import.meta.url)), 'locales');
  const resources: Resources = {};
  for (const lang of UI_LANGUAGES) {
    resources[lang] = {};
    for (const file of readdirSync(join(root, lang))) {
      if (!file.endsWith('.json')) continue;
      resources[lang][file.slice(0, -5)] = JSON.parse(readFileSync(join(root, lang, file), 'utf8'));
    }
  }
  return resources;
}
