import './sizes.css';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUser } from '../../auth/auth-context.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useTitle } from '../../hooks/use-title.ts';
import { FindMySize } from './find-my-size.tsx';
import { ProfileForm } from './profile-form.tsx';
import { SizeChartPanel } from './size-chart.tsx';
import type { ProfileView, SizeSystemInfo } from './types.ts';

const TABS = ['chart', 'find', 'profile'] as const;
type Tab = (typeof TABS)[number];

/**
 * Sizes: the size chart of any system, the "find my size" helper, and for administrators the
 * organisation's size profile. The section and the chart's system are in the address, so a link or a
 * reload keeps them.
 */
export function SizesPage() {
  const { t } = useTranslation('sizes');
  const isAdmin = useUser().roles.includes('admin');
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((x) => x !== 'profile' || isAdmin);
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'chart';
  const system = params.get('system') ?? 'ru-garment';
  const systems = useApi<{ systems: SizeSystemInfo[] }>('/api/sizes/systems');
  const profile = useApi<ProfileView>(tab === 'profile' ? '/api/sizes/profile' : undefined);
  useTitle(t('ui.title'));

  const go = (next: Partial<{ tab: Tab; system: string }>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) p.set(k, v);
    setParams(p, { replace: true });
  };

  return (
    <section className="page sizes-page">
      <div className="page-head">
        <div>
          <h1>{t('ui.title')}</h1>
          <p className="muted">{t('ui.intro')}</p>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t('ui.tabs.label')}>
        {tabs.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`sizes-tab-${x}`}
            aria-selected={tab === x}
            aria-controls={`sizes-panel-${x}`}
            className="tab"
            data-testid={`sizes-tab-${x}`}
            onClick={() => go({ tab: x })}
          >
            {t(`ui.tabs.${x}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`sizes-panel-${tab}`} aria-labelledby={`sizes-tab-${tab}`}>
        {systems.error && <ErrorBox error={systems.error} />}
        {!systems.data && !systems.error && <Loading />}
        {systems.data && tab === 'chart' && (
          <SizeChartPanel
            systems={systems.data.systems}
            system={system}
            onSystem={(id) => go({ system: id })}
          />
        )}
        {systems.data && tab === 'find' && <FindMySize systems={systems.data.systems} />}
        {tab === 'profile' && profile.error && <ErrorBox error={profile.error} />}
        {tab === 'profile' && profile.data && (
          <ProfileForm
            key={JSON.stringify(profile.data.override)}
            view={profile.data}
            onSaved={() => systems.reload()}
          />
        )}
      </div>
    </section>
  );
}
