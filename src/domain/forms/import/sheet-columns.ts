import { parseLanguageSpec } from '../form-languages.ts';
import type { Language } from '../form-model.ts';

/** A column header read apart: its base name (`label`), the language after `::` if any, and the text as written. */
export interface Header {
  index: number;
  raw: string;
  base: string;
  language?: Language;
  /** True when the header has a language part (`label::ru`), false for plain `label`. */
  localised: boolean;
}

// Old and spaced spellings that pyxform accepts, mapped to the name used here.
const ALIASES: Record<string, string> = {
  list_name: 'list_name',
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  requiredmsg: 'required_message',
  constraintmsg: 'constraint_message',
  relevance: 'relevant',
  calculate: 'calculation',
};

/**
 * Reads a header such as `label::Russian (ru)`, `LABEL::EN`, `label:English`, `hint`, `list name`.
 * Case and spacing of the base name do not matter; the language part keeps its spelling.
 */
export function parseHeader(raw: string, index: number): Header {
  const text = raw.replace(/^\uFEFF/, '').trim();
  let basePart = text;
  let languagePart: string | undefined;
  if (!/^jr:/i.test(text)) {
    const double = text.indexOf('::');
    const single = text.indexOf(':');
    if (double >= 0) {
      basePart = text.slice(0, double);
      languagePart = text.slice(double + 2);
    } else if (single >= 0) {
      basePart = text.slice(0, single);
      languagePart = text.slice(single + 1);
    }
  }
  const normalised = basePart.trim().toLowerCase().replace(/\s+/g, '_');
  const base = ALIASES[normalised] ?? normalised;
  const language = languagePart === undefined ? undefined : parseLanguageSpec(languagePart);
  return language
    ? { index, raw: text, base, language, localised: true }
    : { index, raw: text, base, localised: languagePart !== undefined };
}

/** Survey columns of the supported subset. */
export const SURVEY_LOCALISED = new Set(['label', 'hint', 'constraint_message']);
export const SURVEY_PLAIN = new Set([
  'type',
  'name',
  'required',
  'relevant',
  'constraint',
  'appearance',
  'default',
]);

/** XLSForm survey columns whose meaning Kitout cannot honour: a value in one refuses the form. */
export const SURVEY_UNSUPPORTED = new Set([
  'calculation',
  'choice_filter',
  'repeat_count',
  'read_only',
  'required_message',
  'image',
  'audio',
  'video',
  'big-image',
  'big_image',
  'media',
  'guidance_hint',
  'parameters',
  'trigger',
  'body',
  'bind',
  'instance',
  'autoplay',
  'intent',
  'save_to',
  'jr:count',
  'jr:choice_name',
  'noapperrorstring',
]);

export const CHOICES_UNSUPPORTED = new Set(['image', 'audio', 'video', 'big-image', 'big_image', 'media']);

export const SETTINGS_SUPPORTED = new Set(['form_title', 'form_id', 'version', 'default_language']);
/** Settings that change what a submission means or where it goes; refused when set. */
export const SETTINGS_UNSUPPORTED = new Set([
  'public_key',
  'submission_url',
  'allow_choice_duplicates',
  'add_none_option',
]);

/** Sheets that carry meaning Kitout does not support; refused when they hold anything. */
export const UNSUPPORTED_SHEETS = new Set(['external_choices', 'entities', 'osm']);
