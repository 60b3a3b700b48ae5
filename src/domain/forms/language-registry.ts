import type { Language } from './form-model.ts';

/** Keeps languages in order of first appearance and merges the spellings that mean one language. */
export class LanguageRegistry {
  private readonly list: Language[] = [];

  /** Adds a language if new; returns its key. The first spelling of its name wins. */
  add(language: Language): string {
    const existing = this.list.find((l) => l.key === language.key);
    if (!existing) this.list.push({ ...language });
    return language.key;
  }

  has(key: string): boolean {
    return this.list.some((l) => l.key === key);
  }

  all(): Language[] {
    return this.list.map((l) => ({ ...l }));
  }
}
