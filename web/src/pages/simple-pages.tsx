import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTitle } from '../hooks/use-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  useTitle(t('notFound.title'));
  return (
    <section className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/intakes">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}

/** Shown instead of a page the account's role may not open, before any request is refused. */
export function NotAllowedPage() {
  const { t } = useTranslation();
  useTitle(t('notAllowed.title'));
  return (
    <section className="page">
      <h1>{t('notAllowed.title')}</h1>
      <p>{t('notAllowed.body')}</p>
    </section>
  );
}
