import type { ReactNode } from 'react';

export interface RowMenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  testId?: string;
}

/** The secondary actions of a table row behind one "⋯" button, so rows keep one primary action in view. */
export function RowMenu({ label, items, testId }: { label: string; items: RowMenuItem[]; testId?: string }): ReactNode {
  return (
    <details className="row-menu">
      <summary className="button button--small" aria-label={label} title={label} data-testid={testId}>
        ⋯
      </summary>
      <div className="row-menu__items">
        {items.map((item) => (
          <button
            key={item.label}
            type="button"
            className={item.danger ? 'is-danger' : undefined}
            data-testid={item.testId}
            onClick={(e) => {
              e.currentTarget.closest('details')?.removeAttribute('open');
              item.onSelect();
            }}
          >
            {item.label}
          </button>
        ))}
      </div>
    </details>
  );
}
