import { useTranslation } from 'react-i18next';
import type { Item } from '../api/types.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { Loading } from '../components/loading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useTitle } from '../hooks/use-title.ts';

/** An item's name in `lang`, else English, else any name it has, else its id. */
export function itemName(item: Item, lang: string): string {
  return item.names[lang] ?? item.names.en ?? Object.values(item.names)[0] ?? item.id;
}

export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const items = useApi<{ items: Item[] }>('/api/items');
  useTitle(t('catalogue.title'));
  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('catalogue.title')}</h1>
          <p className="muted">{t('catalogue.intro')}</p>
        </div>
      </div>
      {items.error && <ErrorBox error={items.error} />}
      {!items.data && !items.error && <Loading />}
      {items.data && items.data.items.length === 0 && <p className="empty">{t('catalogue.empty')}</p>}
      {items.data && items.data.items.length > 0 && (
        <ul className="cards" data-testid="catalogue">
          {items.data.items.map((item) => (
            <li key={item.id} className="card">
              <div className="card-head">
                <h2>{itemName(item, lang)}</h2>
                <span className="mono muted">{item.id}</span>
              </div>
              <p className="muted">
                {t('catalogue.sizeSystem')}:{' '}
                {item.sizeSystem
                  ? t(`sizes:system.${item.sizeSystem}`, { defaultValue: item.sizeSystem })
                  : t('catalogue.ownLabels')}
              </p>
              <ul className="chips" aria-label={t('catalogue.sizes', { count: item.sizes.length })}>
                {item.sizes.map((s) => (
                  <li key={s.label} className="chip">
                    {s.label}
                  </li>
                ))}
              </ul>
              <p className="card-foot muted">{t('catalogue.sizes', { count: item.sizes.length })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
