import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Intake } from '../api/types.ts';
import { newIdempotencyKey } from '../api/upload.ts';
import { useRememberIntake } from '../components/current-intake.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { Loading } from '../components/loading.tsx';
import { useFormat } from '../hooks/use-format.ts';
import { useTitle } from '../hooks/use-title.ts';
import { getOrCached } from '../offline/cached.ts';
import { enqueue } from '../offline/outbox.ts';
import { useOutbox } from '../offline/outbox-context.tsx';
import { loadRoster } from '../offline/roster.ts';
import { type FillMode, FormRunner } from './form-runner.tsx';
import type { AnswerMap } from './form-session.ts';
import { planOf, shownText, Texts } from './form-text.tsx';
import { OutboxChip } from './outbox-chip.tsx';
import { type AnsweredState, PersonPicker } from './person-picker.tsx';
import type { RosterPerson } from './person-search.ts';
import { rememberedPlan, rememberPlan } from './plan-options.ts';
import { PlanPicker } from './plan-picker.tsx';
import type { FormDetail, FormListItem } from './types.ts';
import { useAsync } from './use-async.ts';
import './questionnaire.css';

const MODE_KEY = 'kitout.fillMode';

function storedMode(): FillMode {
  try {
    return localStorage.getItem(MODE_KEY) === 'list' ? 'list' : 'one';
  } catch {
    return 'one';
  }
}

/**
 * The tablet form: pick the person, fill the questionnaire in the chosen languages, save to the device's
 * outbox. Everything it needs — the intake, the form, the roster — is kept on the device once loaded, so it
 * keeps working without a network; the outbox sends when the network is back.
 */
export function FillPage() {
  const { id: intakeId = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  useRememberIntake(intakeId);
  const [params, setParams] = useSearchParams();
  const outbox = useOutbox();

  const intake = useAsync(
    () => getOrCached<{ intake: Intake }>(`/api/intakes/${encodeURIComponent(intakeId)}`),
    [intakeId],
  );
  const forms = useAsync(() => getOrCached<{ forms: FormListItem[] }>('/api/forms'), []);
  const formId =
    params.get('form') ?? forms.data?.value.forms.find((x) => x.active)?.id ?? forms.data?.value.forms[0]?.id;
  const detail = useAsync(
    () => (formId ? getOrCached<FormDetail>(`/api/forms/${encodeURIComponent(formId)}`) : undefined),
    [formId],
  );
  const [rosterLoaded, setRosterLoaded] = useState<[number, number]>();
  const roster = useAsync(() => loadRoster(intakeId, (n, total) => setRosterLoaded([n, total])), [intakeId]);

  const form = detail.data?.value.definition;
  const version = detail.data?.value.form.version;
  const [plan, setPlanState] = useState<string | undefined>();
  useEffect(() => {
    if (formId && detail.data) setPlanState(rememberedPlan(formId, detail.data.value.form.defaultPlan));
  }, [formId, detail.data]);
  const setPlan = (next: string) => {
    setPlanState(next);
    if (formId) rememberPlan(formId, next);
  };
  const languagePlan = useMemo(() => planOf(plan ?? ''), [plan]);

  const [mode, setModeState] = useState<FillMode>(storedMode);
  const setMode = (next: FillMode) => {
    setModeState(next);
    try {
      localStorage.setItem(MODE_KEY, next);
    } catch {
      // Not remembered; fine for this page.
    }
  };

  const [person, setPerson] = useState<RosterPerson | null>(null);
  const [answers, setAnswers] = useState<AnswerMap>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ person: RosterPerson; at: string } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const answered = useMemo(() => {
    const map = new Map<string, AnsweredState>();
    for (const s of outbox.sent)
      if (s.intakeId === intakeId && s.formId === formId) map.set(s.personId, 'sent');
    for (const q of outbox.queued)
      if (q.intakeId === intakeId && q.formId === formId) map.set(q.personId, 'queued');
    return map;
  }, [outbox.queued, outbox.sent, intakeId, formId]);

  const title = form ? shownText(form.settings.title, languagePlan.title, form) : [];
  useTitle(title[0]?.text ?? t('fill.title'));

  const save = useCallback(
    async (effective: AnswerMap) => {
      if (!person || !formId || !version) return;
      setSaving(true);
      setSaveError(null);
      try {
        await enqueue({
          instanceId: newIdempotencyKey(),
          formId,
          formVersion: version,
          intakeId,
          personId: person.id,
          personName: person.name,
          answers: effective,
          source: 'web',
          clientTime: new Date().toISOString(),
        });
        setSaved({ person, at: new Date().toISOString() });
        setPerson(null);
        setAnswers({});
      } catch (err) {
        // The device refused to store it (storage full or switched off): say so; the answers stay on screen.
        setSaveError((err as Error).message || String(err));
      } finally {
        setSaving(false);
      }
    },
    [person, formId, version, intakeId],
  );

  const loadError = intake.error ?? forms.error ?? detail.error ?? roster.error;
  if (loadError && (!intake.data || !detail.data || !roster.data)) {
    return (
      <section className="page">
        <h1>{t('fill.title')}</h1>
        <ErrorBox error={loadError} title={loadError.status === 0 ? t('fill.notOffline') : undefined} />
      </section>
    );
  }
  if (forms.data && forms.data.value.forms.length === 0) {
    return (
      <section className="page">
        <h1>{t('fill.title')}</h1>
        <p className="empty">{t('fill.noForms')}</p>
      </section>
    );
  }
  if (!intake.data || !form || !detail.data || plan === undefined) return <Loading />;
  const offline = !outbox.status.online || intake.data.offline || detail.data.offline || roster.data?.offline;

  return (
    <section className="page q-page" data-testid="fill-page">
      <div className="q-head">
        <div className="q-head-title">
          <p className="crumb">
            <Link to={`/intakes/${encodeURIComponent(intakeId)}/roster`}>
              {intake.data.value.intake.name}
            </Link>
            {' · '}
            <span className="mono">
              {formId} v{version}
            </span>
          </p>
          <h1>
            <Texts shown={title} />
          </h1>
        </div>
        <OutboxChip />
      </div>
      <div className="q-toolbar">
        {(forms.data?.value.forms.length ?? 0) > 1 && (
          <label className="field">
            <span>{t('fill.form')}</span>
            <select
              value={formId}
              onChange={(e) => {
                setParams({ form: e.target.value }, { replace: true });
                setPerson(null);
                setAnswers({});
              }}
            >
              {forms.data?.value.forms.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title[x.defaultLanguage] ?? x.id}
                </option>
              ))}
            </select>
          </label>
        )}
        <PlanPicker languages={form.languages} plan={plan} onPlan={setPlan} />
        {/* biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, not a form fieldset */}
        <div className="q-mode" role="group" aria-label={t('fill.mode')}>
          <button
            type="button"
            aria-pressed={mode === 'one'}
            onClick={() => setMode('one')}
            data-testid="mode-one"
          >
            {t('fill.modeOne')}
          </button>
          <button
            type="button"
            aria-pressed={mode === 'list'}
            onClick={() => setMode('list')}
            data-testid="mode-list"
          >
            {t('fill.modeList')}
          </button>
        </div>
      </div>
      {offline && (
        <p className="notice q-offline" role="status" data-testid="offline-notice">
          {t('fill.offlineCopy')}
        </p>
      )}
      {saved && !person && (
        <p className="notice notice-success" role="status" data-testid="saved-notice">
          {t('fill.saved', { id: saved.person.id, name: saved.person.name })}
        </p>
      )}
      {saveError && (
        <p className="notice notice-error" role="alert">
          {t('fill.saveFailed', { reason: saveError })}
        </p>
      )}
      {!person ? (
        roster.data ? (
          <PersonPicker
            people={roster.data.value}
            answered={answered}
            onPick={(p) => {
              setPerson(p);
              setAnswers({});
            }}
          />
        ) : (
          <p className="loading" role="status">
            {rosterLoaded
              ? t('fill.rosterLoading', { n: f.number(rosterLoaded[0]), total: f.number(rosterLoaded[1]) })
              : t('common.loading')}
          </p>
        )
      ) : (
        <>
          <div className="q-who" data-testid="chosen-person">
            <span className="mono">{person.id}</span>
            <strong>{person.name}</strong>
            <span className="muted">{person.name_cyrillic ?? person.name_latin ?? ''}</span>
            {answered.get(person.id) && <span className="q-badge">{t('fill.answeredBefore')}</span>}
            <button
              type="button"
              className="button-quiet"
              onClick={() => setPerson(null)}
              data-testid="change-person"
            >
              {t('fill.changePerson')}
            </button>
          </div>
          <FormRunner
            key={`${person.id}-${mode}`}
            form={form}
            plan={languagePlan}
            mode={mode}
            answers={answers}
            onAnswers={setAnswers}
            onSave={(a) => void save(a)}
            saving={saving}
          />
        </>
      )}
    </section>
  );
}
