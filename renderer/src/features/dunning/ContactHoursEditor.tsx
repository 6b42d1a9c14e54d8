import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockToMinute, contactRuleFor, minuteToClock, type ContactWindow } from '../../../../shared/domain/contact-hours';
import { UF_CODES } from '../../../../shared/domain/uf';
import type { UfContactHours } from '../../../../shared/ipc/dunning.contract';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** A time of day typed as hh:mm, 24-hour whatever the browser's locale (a time input would follow it). */
function ClockInput({ minute, onChange, label }: { minute: number; onChange: (minute: number) => void; label: string }) {
  const [text, setText] = useState(minuteToClock(minute));
  useEffect(() => setText(minuteToClock(minute)), [minute]);
  const invalid = clockToMinute(text) === null;
  return (
    <input
      value={text}
      inputMode="numeric"
      placeholder="hh:mm"
      size={5}
      aria-label={label}
      aria-invalid={invalid || undefined}
      onChange={(e) => {
        setText(e.target.value);
        const m = clockToMinute(e.target.value);
        if (m !== null) onChange(m);
      }}
      onBlur={() => setText(minuteToClock(minute))}
    />
  );
}
/** What a day gets when the clerk opens it: São Paulo's weekday window. */
const OPENED_DAY: ContactWindow = { startMinute: 8 * 60, endMinute: 20 * 60 };

/**
 * Contact hours per UF (part of the sending settings form): the UFs the company set, day by day, over the
 * law built in (SP by default, RJ's own). A UF added starts from the rule it had.
 */
export function ContactHoursEditor({ value, onChange, errors }: { value: UfContactHours[]; onChange: (rows: UfContactHours[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const free = UF_CODES.filter((uf) => !value.some((r) => r.uf === uf));
  const [adding, setAdding] = useState<string>('');
  const day = (d: number) => t(`dunning.settings.hours.days.${d}`);

  const setDay = (row: number, d: number, w: ContactWindow | null) =>
    onChange(value.map((r, i) => (i === row ? { ...r, byWeekday: r.byWeekday.map((x, j) => (j === d ? w : x)) } : r)));
  const setTime = (row: number, d: number, edge: keyof ContactWindow, minute: number) => {
    const w = value[row]?.byWeekday[d];
    if (w) setDay(row, d, { ...w, [edge]: minute });
  };
  const add = () => {
    const uf = adding || free[0];
    if (!uf) return;
    onChange([...value, { uf, byWeekday: [...contactRuleFor(uf).byWeekday] }]);
    setAdding('');
  };
  const rowError = (row: number) => Object.entries(errors).find(([path]) => path.startsWith(`contactHours.${row}.`))?.[1];

  return (
    <fieldset className="span-2 contact-hours" data-testid="contact-hours">
      <legend>{t('dunning.settings.hours.title')}</legend>
      <p className="field__hint">{t('dunning.settings.hours.lead')}</p>
      {value.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact contact-hours__table">
            <thead>
              <tr>
                <th>{t('dunning.settings.hours.uf')}</th>
                {WEEKDAYS.map((d) => (
                  <th key={d}>{day(d)}</th>
                ))}
                <th aria-label={t('dunning.settings.hours.remove')} />
              </tr>
            </thead>
            <tbody>
              {value.map((r, row) => {
                const error = rowError(row);
                return [
                  <tr key={r.uf} data-testid={`contact-hours-${r.uf}`}>
                    <th scope="row">{r.uf}</th>
                    {r.byWeekday.map((w, d) => (
                      <td key={d}>
                        <label className="filter--check">
                          <input type="checkbox" checked={w !== null} onChange={(e) => setDay(row, d, e.target.checked ? OPENED_DAY : null)} aria-label={t('dunning.settings.hours.open', { uf: r.uf, day: day(d) })} />
                          {w ? t('dunning.settings.hours.openShort') : t('dunning.settings.hours.closed')}
                        </label>
                        {w && (
                          <span className="contact-hours__times">
                            <ClockInput minute={w.startMinute} onChange={(m) => setTime(row, d, 'startMinute', m)} label={t('dunning.settings.hours.from', { uf: r.uf, day: day(d) })} />
                            <ClockInput minute={w.endMinute} onChange={(m) => setTime(row, d, 'endMinute', m)} label={t('dunning.settings.hours.to', { uf: r.uf, day: day(d) })} />
                          </span>
                        )}
                      </td>
                    ))}
                    <td>
                      <button type="button" className="button button--small" onClick={() => onChange(value.filter((_, i) => i !== row))}>
                        {t('dunning.settings.hours.remove')}
                      </button>
                    </td>
                  </tr>,
                  error && (
                    <tr key={`${r.uf}-error`}>
                      <td colSpan={9} className="field__error" role="alert">
                        {error}
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
      {free.length > 0 && (
        <div className="contact-hours__add">
          <select value={adding || free[0]} onChange={(e) => setAdding(e.target.value)} aria-label={t('dunning.settings.hours.uf')} data-testid="contact-hours-uf">
            {free.map((uf) => (
              <option key={uf} value={uf}>
                {uf}
              </option>
            ))}
          </select>
          <button type="button" className="button button--small" onClick={add} data-testid="contact-hours-add">
            {t('dunning.settings.hours.add')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
