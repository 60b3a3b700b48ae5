type Bundle = Record<string, unknown>;
export type Resources = Record<string, Record<string, Bundle>>;

/**
 * i18next resources from namespace files keyed by path, as `import.meta.glob` gives them:
 * `…/locales/<lang>/<namespace>.json` becomes `resources[lang][namespace]`. Other paths are ignored.
 */
export function resourcesFrom(modules: Record<string, Bundle>): Resources {
  const resources: Resources = {};
  for (const [path, bundle] of Object.entries(modules)) {
    const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!m?.[1] || !m[2]) continue;
    resources[m[1]] ??= {};
    resources[m[1]]![m[2]] = bundle;
  }
  return resources;
}
