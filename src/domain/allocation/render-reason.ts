import en from '../../i18n/locales/en/allocation.json' with { type: 'json' };
import type { Reason } from './explain.ts';

/** A namespace's messages as stored in `src/i18n/locales/<lang>/<namespace>.json`. */
export type Messages = { readonly [key: string]: string | Messages };

/**
 * Renders a reason from a namespace's messages the way i18next does (dotted keys, `{{name}}` interpolation, plural
 * suffixes `_one`/`_few`/`_many`/`_other` chosen by `Intl.PluralRules` from `count`), without an i18next instance, so
 * pure code and tests can show a reason. Falls back to the key itself when a message is missing.
 */
export function renderReason(reason: Reason, messages: Messages, lang: string): string {
  const count = reason.params.count;
  const candidates =
    typeof count === 'number'
      ? [`${reason.key}_${new Intl.PluralRules(lang).select(count)}`, `${reason.key}_other`]
      : [];
  for (const key of [...candidates, reason.key]) {
    const template = lookup(messages, key);
    if (template !== undefined) {
      return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
        name in reason.params ? String(reason.params[name]) : whole,
      );
    }
  }
  return reason.key;
}

/** The English wording of a reason, e.g. "jacket: preferred 48-4 out at site A; 50-4 is one size up, cost 1." */
export function reasonInEnglish(reason: Reason): string {
  return renderReason(reason, en as Messages, 'en');
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}
