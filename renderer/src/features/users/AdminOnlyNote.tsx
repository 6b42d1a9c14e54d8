import { useTranslation } from 'react-i18next';

/** Shown above an admin-only form to anyone else, who can read the settings but not change them. */
export function AdminOnlyNote({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <p className={`alert alert--info ${className}`.trim()} role="note" data-testid="admin-only-note">
      {t('users.adminOnly')}
    </p>
  );
}
