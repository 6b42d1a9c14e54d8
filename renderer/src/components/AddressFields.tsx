import { useTranslation } from 'react-i18next';
import { UFS } from '../../../shared/domain/uf';
import { Field } from './Field';

export type AddressKey = 'street' | 'streetNumber' | 'complement' | 'district' | 'city' | 'uf' | 'postalCode';

interface AddressFieldsProps {
  values: Record<AddressKey, string>;
  onChange(key: AddressKey): (e: { target: { value: string } }) => void;
  /** The error of a field by its params path (`address.city`). */
  error(path: string): string | undefined;
  /** `data-testid` prefix of each input (`field-` → `field-city`). */
  testIdPrefix: string;
  /** The creditor's city is required (it goes on the Pix code); a customer's is not. */
  city?: { required: boolean; hint?: string };
}

/** The postal address block shared by the customer form and the company settings. */
export function AddressFields({ values, onChange, error, testIdPrefix, city }: AddressFieldsProps) {
  const { t } = useTranslation();
  const input = (key: AddressKey, extra: { inputMode?: 'numeric'; className?: string } = {}) => (
    <input value={values[key]} onChange={onChange(key)} data-testid={`${testIdPrefix}${key}`} {...extra} />
  );
  return (
    <div className="form-grid">
      <Field label={t('form.street')} error={error('address.street')} className="span-2">
        {input('street')}
      </Field>
      <Field label={t('form.streetNumber')} error={error('address.streetNumber')}>
        {input('streetNumber')}
      </Field>
      <Field label={t('form.complement')} error={error('address.complement')}>
        {input('complement')}
      </Field>
      <Field label={t('form.district')} error={error('address.district')}>
        {input('district')}
      </Field>
      <Field label={t('form.city')} error={error('address.city')} hint={city?.hint} required={city?.required ?? false}>
        {input('city')}
      </Field>
      <Field label={t('form.uf')} error={error('address.uf')}>
        <select value={values.uf} onChange={onChange('uf')} data-testid={`${testIdPrefix}uf`}>
          <option value="">{t('common.none')}</option>
          {UFS.map((u) => (
            <option key={u.code} value={u.code}>
              {u.code} · {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('form.postalCode')} error={error('address.postalCode')}>
        {input('postalCode', { inputMode: 'numeric', className: 'mono' })}
      </Field>
    </div>
  );
}
