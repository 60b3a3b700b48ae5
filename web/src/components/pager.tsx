import { useTranslation } from 'react-i18next';
import { useFormat } from '../hooks/use-format.ts';

/** First / previous / next / last over `total` rows shown `pageSize` at a time, with where we are in words. */
export function Pager({
  page,
  shown,
  pageSize,
  total,
  onPage,
}: {
  /** The page asked for (buttons move from here, so quick taps add up). */
  page: number;
  /** The rows on screen now, which lag `page` while the next page loads: the words describe what is seen. */
  shown: { offset: number; count: number };
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = shown.count === 0 ? 0 : shown.offset + 1;
  const to = shown.offset + shown.count;
  const shownPage = Math.floor(shown.offset / pageSize);
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <p className="pager-range" data-testid="pager-range">
        {t('pager.range', { from: f.number(from), to: f.number(to), total: f.number(total) })}
      </p>
      <div className="pager-buttons">
        <button type="button" disabled={page === 0} onClick={() => onPage(0)} aria-label={t('pager.first')}>
          «
        </button>
        <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
          ‹ {t('pager.previous')}
        </button>
        <span className="pager-page">
          {t('pager.page', { page: f.number(shownPage + 1), pages: f.number(pages) })}
        </span>
        <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
          {t('pager.next')} ›
        </button>
        <button
          type="button"
          disabled={page >= pages - 1}
          onClick={() => onPage(pages - 1)}
          aria-label={t('pager.last')}
        >
          »
        </button>
      </div>
    </nav>
  );
}
