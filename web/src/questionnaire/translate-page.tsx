import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  type NewLanguage,
  type TextEdit,
  type TranslationRow,
  translationRows,
} from '../../../src/domain/forms/translation-table.ts';
import { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { Loading } from '../components/loading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useTitle } from '../hooks/use-title.ts';
import type { FormDetail, FormSummary } from './types.ts';
import './questionnaire.css';

const cellKey = (row: string, language: string) => `${row}\u0000${language}`;

/**
 * Every label, hint, constraint message and choice label of a stored form against its languages: edit any
 * cell, add a language column; saving stores a new version (which exports back to XLSForm as any other).
 */
export function TranslatePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { t, i18n } = useTranslation();
  const version = params.get('version') ?? undefined;
  const detail = useApi<FormDetail>(`/api/forms/${encodeURIComponent(id)}`, { version });
  const [edits, setEdits] = useState<Map<string, string>>(new Map());
  const [added, setAdded] = useState<NewLanguage[]>([]);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [stored, setStored] = useState<FormSummary>();
  useTitle(t('translate.title'));

  const form = detail.data?.definition;
  const rows = useMemo(() => (form ? translationRows(form) : []), [form]);
  const languages = useMemo(
    () => [
      ...(form?.languages.map((l) => ({
        key: l.key,
        label: l.name ? `${l.name} (${l.code ?? l.key})` : l.key,
      })) ?? []),
      ...added.map((l) => ({ key: l.code.toLowerCase(), label: `${l.name} (${l.code.toLowerCase()})` })),
    ],
    [form, added],
  );

  if (detail.error) return <ErrorBox error={detail.error} />;
  if (!detail.data || !form) return <Loading />;

  const cellText = (row: TranslationRow, language: string) =>
    edits.get(cellKey(row.key, language)) ?? row.texts[language] ?? '';
  const setCell = (row: TranslationRow, language: string, text: string) =>
    setEdits((e) => {
      const next = new Map(e);
      if (text === (row.texts[language] ?? '')) next.delete(cellKey(row.key, language));
      else next.set(cellKey(row.key, language), text);
      return next;
    });

  const addLanguage = () => {
    const c = code.trim().toLowerCase();
    if (!c || !name.trim() || languages.some((l) => l.key === c)) return;
    setAdded((a) => [...a, { code: c, name: name.trim() }]);
    setCode('');
    setName('');
  };

  const save = async () => {
    setSaving(true);
    setError(undefined);
    const list: TextEdit[] = [...edits].map(([k, text]) => {
      const [key, language] = k.split('\u0000') as [string, string];
      return { key, language, text };
    });
    try {
      const result = await api<{ form: FormSummary }>(
        `/api/forms/${encodeURIComponent(id)}/translations?lang=${encodeURIComponent(i18n.language)}`,
        {
          method: 'POST',
          body: { baseVersion: detail.data!.form.version, edits: list, addLanguages: added },
        },
      );
      setStored(result.form);
      setEdits(new Map());
      setAdded([]);
      navigate(
        `/forms/${encodeURIComponent(id)}/translate?version=${encodeURIComponent(result.form.version)}`,
        {
          replace: true,
        },
      );
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setSaving(false);
    }
  };

  // Every cell of a row as tall as its longest text needs, so no translation is hidden behind a scrollbar.
  const rowLines = (row: TranslationRow) =>
    Math.min(
      8,
      Math.max(1, ...languages.map((l) => Math.ceil(Array.from(cellText(row, l.key)).length / 24))),
    );
  const what = (row: TranslationRow) =>
    row.part === 'choice' ? `${row.list} · ${row.choice}` : row.part === 'title' ? '' : row.element;
  const changes = edits.size + added.length;

  return (
    <section className="page q-page q-translate">
      <div className="page-head">
        <div>
          <p className="crumb">
            <Link to="/forms">{t('formList.title')}</Link> › <span className="mono">{id}</span>
          </p>
          <h1>
            {t('translate.title')} <span className="chip">v{detail.data.form.version}</span>
          </h1>
          <p className="muted">{t('translate.intro')}</p>
        </div>
      </div>
      <div className="q-translate-tools">
        <label className="field">
          <span>{t('translate.code')}</span>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="zh"
            maxLength={20}
            data-testid="new-language-code"
          />
        </label>
        <label className="field">
          <span>{t('translate.name')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Chinese"
            maxLength={40}
            data-testid="new-language-name"
          />
        </label>
        <button
          type="button"
          onClick={addLanguage}
          disabled={!code.trim() || !name.trim()}
          data-testid="add-language"
        >
          {t('translate.addLanguage')}
        </button>
        <span className="q-spacer" />
        <a
          className="button-secondary"
          href={`/api/forms/${encodeURIComponent(id)}/export.xlsx?version=${encodeURIComponent(detail.data.form.version)}`}
          download
        >
          {t('formList.export')}
        </a>
        <button
          type="button"
          className="button-primary"
          onClick={() => void save()}
          disabled={saving || changes === 0}
          data-testid="save-translations"
        >
          {saving
            ? t('common.saving')
            : changes
              ? t('translate.save', { count: changes })
              : t('translate.noChanges')}
        </button>
      </div>
      {stored && (
        <p className="notice notice-success" role="status" data-testid="translations-saved">
          {t('translate.saved', { version: stored.version })}
        </p>
      )}
      {error && <ErrorBox error={error} testId="translation-errors" />}
      <div className="table-wrap q-translate-wrap">
        <table className="table q-translate-table" data-testid="translation-table">
          <thead>
            <tr>
              <th scope="col">{t('translate.text')}</th>
              {languages.map((l) => (
                <th key={l.key} scope="col">
                  {l.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">
                  <span className="q-part">{t(`translate.part.${row.part}`)}</span>
                  <span className="sub mono">{what(row)}</span>
                </th>
                {languages.map((l) => {
                  const changed = edits.has(cellKey(row.key, l.key));
                  return (
                    <td key={l.key} className={changed ? 'is-changed' : ''}>
                      <textarea
                        lang={l.key}
                        value={cellText(row, l.key)}
                        rows={rowLines(row)}
                        onChange={(e) => setCell(row, l.key, e.target.value)}
                        aria-label={`${t(`translate.part.${row.part}`)} ${what(row)} — ${l.label}`}
                        data-cell={`${row.key}|${l.key}`}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
