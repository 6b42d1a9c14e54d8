import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBrDate, parseBrDate } from '../../../../shared/domain/dates';

/** The reference date typed as dd/mm/aaaa (the app's date convention); applied on Enter or on leaving the field. */
export function AsOfInput({ value, onChange }: { value: string; onChange: (iso: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ? formatBrDate(value) : '');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setText(value ? formatBrDate(value) : ''), [value]);

  function apply() {
    if (text.trim() === '') return onChange(undefined);
    const iso = parseBrDate(text);
    setInvalid(iso === null);
    if (iso !== null && iso !== value) onChange(iso);
  }

  return (
    <label className="filter" title={t('dashboard.asOfHint')}>
      <span className="filter__label">{t('dashboard.asOf')}</span>
      <input
        value={text}
        inputMode="numeric"
        placeholder="dd/mm/aaaa"
        size={11}
        aria-invalid={invalid || undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
        data-testid="dashboard-asof"
      />
      {invalid && (
        <small className="field__error" role="alert">
          {t('dashboard.asOfInvalid')}
        </small>
      )}
    </label>
  );
}
