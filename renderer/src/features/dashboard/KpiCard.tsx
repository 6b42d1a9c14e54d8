import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_DEFINITIONS, type KpiKey } from '../../../../shared/domain/kpi';

interface KpiCardProps {
  kpi: KpiKey;
  value: string;
  sub?: string | undefined;
  tone?: 'danger' | undefined;
  /** The door behind the figure; without it the value is plain text. */
  onOpen?: (() => void) | undefined;
}

/** One figure with its definition one hover (or one Tab) away. */
export function KpiCard({ kpi, value, sub, tone, onOpen }: KpiCardProps) {
  const { t, i18n } = useTranslation();
  const tipId = useId();
  const lang = i18n.language === 'en' ? 'en' : 'pt-BR';
  const def = KPI_DEFINITIONS[kpi];
  return (
    <div className={`kpi dash-kpi ${tone === 'danger' ? 'kpi--danger' : ''}`} data-testid={`kpi-${kpi}`}>
      <span className="kpi__label">
        {def.label[lang]}
        <button type="button" className="dash-help" aria-label={`${t('dashboard.definition')} ${def.label[lang]}`} aria-describedby={tipId}>
          ?
        </button>
      </span>
      {onOpen ? (
        <button type="button" className="dash-door kpi__value num" onClick={onOpen} aria-describedby={tipId} title={t('dashboard.openPortfolio')} data-testid={`kpi-${kpi}-value`}>
          {value}
        </button>
      ) : (
        <strong className="kpi__value num" data-testid={`kpi-${kpi}-value`}>
          {value}
        </strong>
      )}
      {sub && <span className="kpi__sub">{sub}</span>}
      <span role="tooltip" id={tipId} className="dash-tip">
        {def.definition[lang]}
      </span>
    </div>
  );
}
