import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { newIdempotencyKey } from '../../api/upload.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useTitle } from '../../hooks/use-title.ts';
import { reviewKey } from './review-keys.ts';
import type { ReviewPage as QueuePage, ReviewItem } from './types.ts';
import './paper.css';

type Decision = { action: 'accept' } | { action: 'correct'; value: string };

/** A value as the reviewer knows it: the choice's label where it is one, else the value as written. */
function shown(item: ReviewItem, value: string | null): string | undefined {
  if (value === null) return undefined;
  if (value === '') return '';
  const labels = value.split(' ').map((v) => item.prompt.choices.find((c) => c.value === v)?.label ?? v);
  return labels.join(', ');
}

/**
 * The review queue: one uncertain field at a time, its picture straight out of the scan, the question, what
 * was read and how sure; accept it, pick a choice, type the value or say "no answer" — by mouse or by key.
 */
export function ReviewPage() {
  const { t, i18n } = useTranslation('paper');
  const f = useFormat();
  useTitle(t('web.reviewTitle'));
  const [params] = useSearchParams();
  const batch = params.get('batch') ?? undefined;
  const lang = i18n.language;
  const queue = useApi<QueuePage>('/api/paper/review', { status: 'open', batch, limit: 50, lang });
  const decided = useApi<QueuePage>('/api/paper/review', { status: 'decided', batch, limit: 8, lang });
  const [index, setIndex] = useState(0);
  const [typed, setTyped] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [snippetWidth, setSnippetWidth] = useState<number>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const typeBox = useRef<HTMLInputElement>(null);
  // A decision retried after a lost answer carries the same key, so it is applied once.
  const keys = useRef(new Map<string, string>());

  const items = queue.data?.items ?? [];
  const at = Math.min(index, Math.max(0, items.length - 1));
  const item: ReviewItem | undefined = items[at];

  // A new item on screen starts with a clean slate (adjusted while rendering, not in an effect).
  const [shownId, setShownId] = useState(item?.id);
  if (shownId !== item?.id) {
    setShownId(item?.id);
    setTyped('');
    setPicked([]);
    setError(undefined);
    setSnippetWidth(undefined);
  }

  const decide = useCallback(
    async (d: Decision) => {
      if (!item || saving) return;
      const id = `${item.id}|${d.action}|${d.action === 'correct' ? d.value : ''}`;
      const key = keys.current.get(id) ?? newIdempotencyKey();
      keys.current.set(id, key);
      setSaving(true);
      setError(undefined);
      try {
        await api(`/api/paper/review/${encodeURIComponent(item.id)}/decision`, {
          method: 'POST',
          body: d,
          query: { lang },
          headers: { 'Idempotency-Key': key },
        });
        queue.reload();
        decided.reload();
      } catch (err) {
        setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
      } finally {
        setSaving(false);
      }
    },
    [item, saving, lang, queue, decided],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!item) return;
      const target = e.target as HTMLElement | null;
      const inTextBox = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA');
      const action = reviewKey(e, {
        inTextBox,
        choices: item.prompt.choices.length,
        canAccept: item.readValue !== null,
      });
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'accept') void decide({ action: 'accept' });
      else if (action.kind === 'choice') {
        const value = item.prompt.choices[action.index]!.value;
        if (item.prompt.multiple)
          setPicked((p) => (p.includes(value) ? p.filter((v) => v !== value) : [...p, value]));
        else void decide({ action: 'correct', value });
      } else if (action.kind === 'blank') void decide({ action: 'correct', value: '' });
      else if (action.kind === 'type') typeBox.current?.focus();
      else if (action.kind === 'skip')
        setIndex((i) => (items.length ? (Math.min(i, items.length - 1) + 1) % items.length : 0));
      else if (action.kind === 'back')
        setIndex((i) =>
          items.length ? (Math.min(i, items.length - 1) - 1 + items.length) % items.length : 0,
        );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [item, items.length, decide]);

  return (
    <section className="page paper-review">
      <div className="page-head">
        <div>
          <p className="crumb">
            <Link to="/paper">{t('web.title')}</Link>
          </p>
          <h1>{t('web.reviewTitle')}</h1>
          <p className="muted">{t('web.reviewIntro')}</p>
        </div>
        {queue.data && (
          <p className="review-count" data-testid="open-count">
            {t('web.openCount', { count: queue.data.open, formatted: f.number(queue.data.open) })}
          </p>
        )}
      </div>
      {queue.error && <ErrorBox error={queue.error} />}
      {!queue.data && !queue.error && <Loading />}
      {queue.data && items.length === 0 && (
        <p className="empty notice notice-success" data-testid="queue-empty">
          {t('web.queueEmpty')}
        </p>
      )}
      {item && (
        <article className="panel review-card" data-testid="review-item" data-field={item.field}>
          <div className="review-picture">
            {item.hasSnippet ? (
              <img
                src={`/api/paper/review/${encodeURIComponent(item.id)}/snippet`}
                alt={t('web.snippetAlt', { field: item.prompt.label })}
                className="snippet"
                // Shown at twice its size (the snippet is 108 dpi), never wider than the column.
                style={snippetWidth ? { width: snippetWidth } : undefined}
                onLoad={(e) => setSnippetWidth(e.currentTarget.naturalWidth * 2)}
                data-testid="snippet"
              />
            ) : (
              <p className="muted no-snippet">{t('web.noSnippet', { page: item.page })}</p>
            )}
            <p className="muted review-where">
              {item.personName} · <span className="mono">{item.personId}</span> ·{' '}
              {t('web.pageN', { page: item.page })} · <span className="mono">{item.file}</span>
            </p>
          </div>
          <div className="review-side">
            <p className="review-position muted">
              {t('web.position', { at: f.number(at + 1), of: f.number(items.length) })}
            </p>
            <h2 className="review-question" data-testid="review-question">
              {item.prompt.label}
            </h2>
            <p className="review-reason" data-testid="review-reason">
              {t(`review.${item.reason}`, { defaultValue: item.reason })}
            </p>
            <dl className="facts review-facts">
              <div>
                <dt>{t('web.readValue')}</dt>
                <dd data-testid="read-value">
                  {item.readValue === null ? (
                    <span className="muted">{t('web.nothingRead')}</span>
                  ) : (
                    <strong>{shown(item, item.readValue) || t('web.noAnswer')}</strong>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('web.confidence')}</dt>
                <dd>{item.confidence === null ? '—' : f.percent(item.confidence)}</dd>
              </div>
            </dl>

            <div className="review-actions">
              <button
                type="button"
                className="button-primary"
                disabled={saving || item.readValue === null}
                onClick={() => void decide({ action: 'accept' })}
                data-testid="accept"
              >
                {t('web.accept')} <kbd>Enter</kbd>
              </button>
              <button
                type="button"
                className="button-secondary"
                disabled={saving}
                onClick={() => void decide({ action: 'correct', value: '' })}
                data-testid="no-answer"
              >
                {t('web.noAnswer')} <kbd>0</kbd>
              </button>
            </div>

            {item.prompt.choices.length > 0 && (
              // biome-ignore lint/a11y/useSemanticElements: a row of answer buttons, not a form fieldset
              <div
                className="choice-grid"
                role="group"
                aria-label={t('web.pickChoice')}
                data-testid="choices"
              >
                {item.prompt.choices.map((c, i) => (
                  <button
                    key={c.value}
                    type="button"
                    className={
                      picked.includes(c.value) || (item.readValue ?? '').split(' ').includes(c.value)
                        ? 'choice-button is-read'
                        : 'choice-button'
                    }
                    aria-pressed={item.prompt.multiple ? picked.includes(c.value) : undefined}
                    disabled={saving}
                    onClick={() =>
                      item.prompt.multiple
                        ? setPicked((p) =>
                            p.includes(c.value) ? p.filter((v) => v !== c.value) : [...p, c.value],
                          )
                        : void decide({ action: 'correct', value: c.value })
                    }
                    data-testid="choice"
                    data-value={c.value}
                  >
                    {i < 9 && <kbd>{i + 1}</kbd>}
                    <span>{c.label}</span>
                    {c.label !== c.value && <span className="muted mono choice-value">{c.value}</span>}
                  </button>
                ))}
                {item.prompt.multiple && (
                  <button
                    type="button"
                    className="button-primary"
                    disabled={saving || picked.length === 0}
                    onClick={() => void decide({ action: 'correct', value: picked.join(' ') })}
                  >
                    {t('web.saveChoices')}
                  </button>
                )}
              </div>
            )}

            <form
              className="type-row"
              onSubmit={(e) => {
                e.preventDefault();
                if (typed.trim()) void decide({ action: 'correct', value: typed.trim() });
              }}
            >
              <label className="field">
                <span>
                  {t('web.typeValue')} <kbd>/</kbd>
                </span>
                <input
                  ref={typeBox}
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
                  }}
                  inputMode={
                    item.prompt.type === 'integer' || item.prompt.type === 'decimal' ? 'decimal' : 'text'
                  }
                  autoComplete="off"
                  data-testid="typed-value"
                />
              </label>
              <button
                type="submit"
                className="button-secondary"
                disabled={saving || !typed.trim()}
                data-testid="save-typed"
              >
                {t('web.saveTyped')}
              </button>
            </form>
            {error && <ErrorBox error={error} testId="decision-error" />}
            <p className="muted review-keys">{t('web.keysHelp')}</p>
            <div className="review-nav">
              <button
                type="button"
                className="button-quiet"
                onClick={() => setIndex((i) => (i - 1 + items.length) % items.length)}
              >
                ← {t('web.previous')}
              </button>
              <button
                type="button"
                className="button-quiet"
                onClick={() => setIndex((i) => (i + 1) % items.length)}
                data-testid="skip"
              >
                {t('web.skip')} →
              </button>
            </div>
          </div>
        </article>
      )}

      <h2>{t('web.recentlyDecided')}</h2>
      {decided.data && decided.data.items.length === 0 && (
        <p className="empty muted">{t('web.noneDecided')}</p>
      )}
      {decided.data && decided.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="decided-table">
            <thead>
              <tr>
                <th scope="col">{t('web.question')}</th>
                <th scope="col">{t('web.person')}</th>
                <th scope="col">{t('web.readValue')}</th>
                <th scope="col">{t('web.decision')}</th>
                <th scope="col">{t('web.by')}</th>
                <th scope="col">{t('web.when')}</th>
              </tr>
            </thead>
            <tbody>
              {decided.data.items.map((d) => (
                <tr key={d.id} data-testid="decided-row">
                  <td>{d.prompt.label}</td>
                  <td>
                    {d.personName} <span className="muted mono">{d.personId}</span>
                  </td>
                  <td>
                    {d.readValue === null ? <span className="muted">—</span> : shown(d, d.readValue) || '—'}
                  </td>
                  <td>
                    <span className={d.status === 'corrected' ? 'chip chip-corrected' : 'chip chip-accepted'}>
                      {t(`web.status.${d.status}`)}
                    </span>{' '}
                    <strong>{shown(d, d.decidedValue) || t('web.noAnswer')}</strong>
                  </td>
                  <td data-testid="decided-by">{d.decidedBy ?? '—'}</td>
                  <td className="nowrap">{d.decidedAt ? f.dateTime(d.decidedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
