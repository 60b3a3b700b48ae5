import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Intake } from '../../api/types.ts';
import { useCurrentIntake } from '../../components/current-intake.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useTitle } from '../../hooks/use-title.ts';
import { getOrCached } from '../../offline/cached.ts';
import { useAsync } from '../../questionnaire/use-async.ts';
import { stationLabel } from './station-label.ts';
import { rememberChoice, storedChoice, useStations } from './use-station-data.ts';
import './stations.css';

/**
 * Which station this tablet is, for which intake: chosen once and remembered on the device, so the tablet opens at
 * its station next time (also without a network).
 */
export function StationsPage() {
  const { t } = useTranslation('stations');
  useTitle(t('stations.title'));
  const navigate = useNavigate();
  const { intakeId: current, setIntakeId } = useCurrentIntake();
  const chosen = storedChoice();
  const { stations, error, loaded } = useStations();
  const intakes = useAsync(() => getOrCached<{ intakes: Intake[] }>('/api/intakes'), []);
  const list = intakes.data?.value.intakes ?? [];
  const [intakeId, setIntake] = useState<string>(chosen?.intakeId ?? current ?? '');
  const intake = intakeId || list[0]?.id || '';

  const choose = (stationId: string) => {
    rememberChoice({ stationId, intakeId: intake });
    setIntakeId(intake);
    navigate(`/stations/${encodeURIComponent(stationId)}?intake=${encodeURIComponent(intake)}`);
  };

  return (
    <section className="page" data-testid="stations-page">
      <div className="page-head">
        <h1>{t('stations.title')}</h1>
        <div className="actions">
          <Link to={`/check-in`} className="button-secondary">
            {t('checkIn.title')}
          </Link>
          {intake && (
            <Link to={`/board?intake=${encodeURIComponent(intake)}`} className="button-secondary">
              {t('board.title')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted">{t('stations.intro')}</p>
      <label className="field st-intake-field">
        <span>{t('stations.intake')}</span>
        <select data-testid="station-intake" value={intake} onChange={(e) => setIntake(e.target.value)}>
          {list.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} ({i.id})
            </option>
          ))}
        </select>
      </label>
      {error && <ErrorBox error={error} />}
      {!loaded && stations.length === 0 && <Loading />}
      <div className="cards st-station-cards">
        {stations.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`card st-station-card${chosen?.stationId === s.id ? ' is-chosen' : ''}`}
            data-testid={`station-${s.id}`}
            disabled={!intake}
            onClick={() => choose(s.id)}
          >
            <span className="st-station-name">{stationLabel(t, s)}</span>
            <span className="muted">
              {s.depotId}
              {chosen?.stationId === s.id ? ` · ${t('stations.thisDevice')}` : ''}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
