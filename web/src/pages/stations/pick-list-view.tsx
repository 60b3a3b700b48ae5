import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/use-format.ts';
import type { StoredEvent } from './station-db.ts';
import { issueAllEvents } from './station-model.ts';
import {
  CONDITION_CODES,
  type ConditionCode,
  type PickAnswer,
  type PickLine,
  type PickList,
  textIn,
} from './types.ts';

/** What the issuer can do to a line; the page turns each into an event. */
export type LineAction =
  | { kind: 'issue'; item: string; size: string }
  | { kind: 'exchange'; item: string; size: string; toSize: string }
  | { kind: 'return'; item: string; size: string; condition: ConditionCode }
  | { kind: 'loss'; item: string; size: string };

/** A language's own name in the reader's language: "корейский", "러시아어". */
export function languageName(code: string | null | undefined, reader: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The person's answers in their own language and — where the issuer reads another — in the issuer's beside them,
 * so both can point at the same line.
 */
export function AnswersPanel({
  answers,
  personLanguage,
  fromPack,
}: {
  answers: PickAnswer[];
  personLanguage: string | null;
  /** The pick list came from the device's copy, which holds no answers. */
  fromPack: boolean;
}) {
  const { t, i18n } = useTranslation('stations');
  const ui = i18n.language;
  const own = personLanguage ?? ui;
  const both = own !== ui;
  return (
    <section className="st-answers" data-testid="answers">
      <h2>{t('answers.title')}</h2>
      {answers.length === 0 ? (
        <p className="muted">{t(fromPack ? 'answers.noneOffline' : 'answers.none')}</p>
      ) : (
        <table className="table st-answers-table">
          <thead>
            <tr>
              <th lang={own}>{languageName(own, ui)}</th>
              {both && <th>{languageName(ui, ui)}</th>}
            </tr>
          </thead>
          <tbody>
            {answers.map((a) => (
              <tr key={a.field} data-field={a.field}>
                <td lang={own} data-testid="answer-own">
                  <span className="st-q">{textIn(a.question, own)}</span>
                  <strong className="st-a">{textIn(a.label, own) || a.value}</strong>
                </td>
                {both && (
                  <td lang={ui} data-testid="answer-ui">
                    <span className="st-q">{textIn(a.question, ui)}</span>
                    <strong className="st-a">{textIn(a.label, ui) || a.value}</strong>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The pick list in the issuer's language: each unit the person is entitled to, its size, shelf and stock. */
export function PickListView({
  list,
  sizesOf,
  availableOf,
  refusals,
  onAction,
  onIssueAll,
}: {
  list: PickList;
  /** Every size of an item (from the pack), for try-on and exchange; empty when the pack is not here yet. */
  sizesOf: (item: string) => string[];
  /** Units of item × size on this station's shelves as the device knows them, or undefined without a pack. */
  availableOf: (item: string, size: string) => number | undefined;
  /** Refused events of this person, newest last, to show on their line. */
  refusals: StoredEvent[];
  onAction: (a: LineAction) => void;
  onIssueAll: () => void;
}) {
  const { t, i18n } = useTranslation('stations');
  const open = issueAllEvents(list).length;
  return (
    <section className="st-pick" data-testid="pick-list">
      <div className="st-pick-head">
        <h2>{t('pick.title')}</h2>
        <button
          type="button"
          className="button-primary"
          data-testid="issue-all"
          disabled={open === 0}
          onClick={onIssueAll}
        >
          {t('pick.issueAll', { count: open })}
        </button>
      </div>
      {list.lines.length === 0 && <p className="muted">{t('pick.empty')}</p>}
      <ul className="st-lines">
        {list.lines.map((l) => (
          <PickLineRow
            key={`${l.item}-${l.unit}`}
            line={l}
            personLanguage={list.person.language}
            uiLanguage={i18n.language}
            sizes={sizesOf(l.item)}
            availableOf={availableOf}
            refusal={refusals.filter((r) => r.item === l.item).at(-1)}
            onAction={onAction}
          />
        ))}
      </ul>
    </section>
  );
}

type Mode = null | 'size' | 'exchange' | 'return';

function PickLineRow({
  line,
  personLanguage,
  uiLanguage,
  sizes,
  availableOf,
  refusal,
  onAction,
}: {
  line: PickLine;
  personLanguage: string | null;
  uiLanguage: string;
  sizes: string[];
  availableOf: (item: string, size: string) => number | undefined;
  refusal?: StoredEvent;
  onAction: (a: LineAction) => void;
}) {
  const { t } = useTranslation('stations');
  const f = useFormat();
  const [mode, setMode] = useState<Mode>(null);
  const issued = line.issued?.size ?? null;
  const size = issued ?? line.allocated?.size ?? null;
  const own = personLanguage && personLanguage !== uiLanguage ? textIn(line.itemName, personLanguage) : '';
  const ui = textIn(line.itemName, uiLanguage);
  const out = !issued && size !== null && line.available <= 0;
  const act = (a: LineAction) => {
    setMode(null);
    onAction(a);
  };
  const sizeChoices = sizes.length ? sizes : line.alternatives.map((a) => a.size);

  return (
    <li
      className={`st-line${issued ? ' is-issued' : ''}${out ? ' is-out' : ''}`}
      data-testid="line"
      data-item={line.item}
      data-unit={line.unit}
      data-state={issued ? 'issued' : 'open'}
      data-size={size ?? ''}
    >
      <div className="st-line-main">
        <div className="st-line-name">
          <span className="st-item" lang={uiLanguage}>
            {ui}
          </span>
          {own && own !== ui && (
            <span className="st-item-own" lang={personLanguage ?? undefined}>
              {own}
            </span>
          )}
          {line.entitled > 1 && (
            <span className="st-unit">{t('pick.unit', { unit: line.unit, entitled: line.entitled })}</span>
          )}
        </div>
        <div className="st-line-size">
          <span className="st-size" data-testid="line-size">
            {size ?? '—'}
          </span>
          <span className={`st-state is-${issued ? 'issued' : 'open'}`}>
            {issued ? t('pick.issued') : line.allocated ? t('pick.allocated') : t('pick.noSize')}
          </span>
        </div>
        <div className="st-line-where">
          <span className="st-bin" title={t('pick.bin')}>
            {line.bin ?? '—'}
          </span>
          {!issued && size && (
            <span className={`st-avail${out ? ' is-out' : ''}`} data-testid="line-available">
              {out
                ? t('pick.out')
                : t('pick.available', { count: line.available, n: f.number(line.available) })}
            </span>
          )}
        </div>
        <div className="st-line-actions">
          {!issued && size && !out && (
            <button
              type="button"
              className="button-primary st-big"
              data-testid="issue"
              onClick={() => act({ kind: 'issue', item: line.item, size })}
            >
              {t('pick.issue', { size })}
            </button>
          )}
          {!issued && (
            <button
              type="button"
              className="button-secondary"
              data-testid="other-size"
              aria-pressed={mode === 'size'}
              onClick={() => setMode(mode === 'size' ? null : 'size')}
            >
              {t('pick.otherSize')}
            </button>
          )}
          {issued && (
            <>
              <button
                type="button"
                className="button-secondary st-big"
                data-testid="exchange"
                aria-pressed={mode === 'exchange'}
                onClick={() => setMode(mode === 'exchange' ? null : 'exchange')}
              >
                {t('pick.exchange')}
              </button>
              <button
                type="button"
                className="button-secondary"
                data-testid="return"
                aria-pressed={mode === 'return'}
                onClick={() => setMode(mode === 'return' ? null : 'return')}
              >
                {t('pick.return')}
              </button>
              <button
                type="button"
                className="button-quiet"
                data-testid="loss"
                onClick={() => act({ kind: 'loss', item: line.item, size: issued })}
              >
                {t('pick.loss')}
              </button>
            </>
          )}
        </div>
      </div>
      {out && line.alternatives.length > 0 && (
        <div className="st-alts" data-testid="alternatives">
          <span>{t('pick.outOffer', { size })}</span>
          {line.alternatives.map((a) => (
            <button
              key={a.size}
              type="button"
              className="button-secondary st-size-button"
              data-testid={`alt-${a.size}`}
              onClick={() => act({ kind: 'issue', item: line.item, size: a.size })}
            >
              {a.size} <small>({f.number(a.available)})</small>
            </button>
          ))}
        </div>
      )}
      {refusal && !issued && (
        <div className="notice notice-error st-refusal" role="alert" data-testid="line-refusal">
          <p className="notice-title">
            {t(`refused.${refusalCode(refusal.refusal?.code)}`, { size: refusal.size })}
          </p>
          {refusal.refusal?.message && <p className="notice-detail">{refusal.refusal.message}</p>}
          {refusal.refusal?.suggestion && (
            <button
              type="button"
              className="button-primary"
              data-testid="take-suggestion"
              onClick={() => act({ kind: 'issue', item: line.item, size: refusal.refusal!.suggestion!.size })}
            >
              {t('refused.takeSuggestion', {
                size: refusal.refusal.suggestion.size,
                n: f.number(refusal.refusal.suggestion.available),
              })}
            </button>
          )}
        </div>
      )}
      {(mode === 'size' || mode === 'exchange') && (
        <div className="st-sizes" data-testid="sizes">
          <span>{mode === 'exchange' ? t('pick.exchangeFor', { size: issued }) : t('pick.chooseSize')}</span>
          {sizeChoices
            .filter((s) => s !== issued)
            .map((s) => ({ s, n: availableOf(line.item, s) }))
            .map(({ s, n }) => (
              <button
                key={s}
                type="button"
                className={`button-secondary st-size-button${s === line.allocated?.size ? ' is-allocated' : ''}${n === 0 ? ' is-out' : ''}`}
                data-testid={`size-${s}`}
                data-available={n ?? ''}
                onClick={() =>
                  act(
                    mode === 'exchange' && issued
                      ? { kind: 'exchange', item: line.item, size: issued, toSize: s }
                      : { kind: 'issue', item: line.item, size: s },
                  )
                }
              >
                {s}
                {n !== undefined && <small>({f.number(n)})</small>}
              </button>
            ))}
        </div>
      )}
      {mode === 'return' && issued && (
        <div className="st-sizes" data-testid="conditions">
          <span>{t('pick.condition')}</span>
          {CONDITION_CODES.map((c) => (
            <button
              key={c}
              type="button"
              className="button-secondary st-size-button"
              data-testid={`cond-${c}`}
              title={t(`condition.${c}`)}
              onClick={() => act({ kind: 'return', item: line.item, size: issued, condition: c })}
            >
              {c} <small>{t(`condition.${c}`)}</small>
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

const KNOWN_REFUSALS = new Set(['out_of_stock', 'id_reused', 'not_issued', 'not_found']);

/** The refusal's code if the UI has words for it, else `other`. */
export function refusalCode(code: string | undefined): string {
  return code && KNOWN_REFUSALS.has(code) ? code : 'other';
}
