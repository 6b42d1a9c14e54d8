import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../shared/domain/dates';
import type { TaskView } from '../../../../shared/ipc/dunning.contract';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { hrefFor, navigate } from '../../components/route';
import { toast } from '../../components/toast.store';
import { date, integer, money, phone } from '../../i18n/format';
import { platform } from '../../platform/platform';
import { PauseDialog } from '../dunning/PauseDialog';
import { RunNowButton } from '../dunning/RunNowButton';
import { OutcomeDialog } from './OutcomeDialog';
import { useQueue } from './queue.store';

type Open = { kind: 'outcome' | 'pause'; task: TaskView } | null;

/** "Minha fila de hoje": worked with the keyboard, one task after the other. */
export function QueuePage() {
  const { t } = useTranslation();
  const { queue, selected, error, load, select, snooze } = useQueue();
  const [open, setOpen] = useState<Open>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void load().then(() => listRef.current?.focus());
    return api.on('data.changed', (p) => {
      if (p.tables.includes('dunning_tasks')) void load();
    });
  }, [load]);

  const rows = queue?.rows ?? [];
  const current = rows[selected] ?? null;

  async function snoozeTomorrow(task: TaskView) {
    const until = addDays(queue!.asOf, 1);
    try {
      await snooze(task.id, until);
      toast.success(t('dunning.queue.snoozed', { date: date(until) }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }

  async function printLetters() {
    try {
      const file = await api.invoke('queue.lettersPdf', {});
      if (!file) return;
      const r = await platform.saveFile(file.fileName, file.content, file.mimeType, file.encoding);
      if (r.saved) toast.success(t('dunning.queue.lettersSaved', { count: file.rowCount, file: r.fileName ?? file.fileName }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!current || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    const actions: Record<string, () => void> = {
      arrowdown: () => select(selected + 1),
      j: () => select(selected + 1),
      arrowup: () => select(selected - 1),
      k: () => select(selected - 1),
      enter: () => setOpen({ kind: 'outcome', task: current }),
      c: () => navigate({ name: 'customer', id: current.customerId }),
      w: () => current.link && void platform.openExternal(current.link),
      a: () => void snoozeTomorrow(current),
      p: () => setOpen({ kind: 'pause', task: current }),
    };
    const action = actions[key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  function close() {
    setOpen(null);
    listRef.current?.focus();
  }

  return (
    <section className="page" aria-labelledby="queue-title" data-testid="queue-page">
      <header className="page__header">
        <div>
          <h1 id="queue-title">{t('dunning.queue.title')}</h1>
          <p className="page__subtitle">{t('dunning.queue.subtitle')}</p>
        </div>
        <div className="page__actions">
          {rows.some((r) => r.type === 'letter') && (
            <button type="button" className="button" onClick={() => void printLetters()} data-testid="print-letters">
              {t('dunning.queue.printLetters')}
            </button>
          )}
          <RunNowButton primary={rows.length === 0} />
        </div>
      </header>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {queue && rows.length === 0 ? (
        <div className="panel">
          <EmptyState title={t('dunning.queue.emptyTitle')} text={t('dunning.queue.emptyText')} />
        </div>
      ) : (
        <div className="queue-layout">
          <div className="panel">
            <div className="panel__header">
              <strong data-testid="queue-count">{t('dunning.queue.count', { count: rows.length })}</strong>
            </div>
            <div
              ref={listRef}
              className="table-scroll queue__list"
              tabIndex={0}
              role="listbox"
              aria-label={t('dunning.queue.title')}
              aria-activedescendant={current ? `task-${current.id}` : undefined}
              onKeyDown={onKeyDown}
              data-testid="queue-list"
            >
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th>{t('dunning.queue.col.type')}</th>
                    <th>{t('dunning.queue.col.customer')}</th>
                    <th>{t('dunning.queue.col.task')}</th>
                    <th className="num">{t('dunning.queue.col.amount')}</th>
                    <th className="num">{t('dunning.queue.col.days')}</th>
                    <th className="num">{t('dunning.queue.col.due')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((task, i) => (
                    <tr
                      key={task.id}
                      id={`task-${task.id}`}
                      role="option"
                      aria-selected={i === selected}
                      className={i === selected ? 'queue__row is-selected' : 'queue__row'}
                      onClick={() => select(i)}
                      onDoubleClick={() => setOpen({ kind: 'outcome', task })}
                      data-testid="queue-task"
                      data-type={task.type}
                    >
                      <td>
                        <span className={`badge queue-type queue-type--${task.type}`}>{t(`dunning.queue.type.${task.type}`)}</span>
                      </td>
                      <td>{task.customerName}</td>
                      <td>{task.title}</td>
                      <td className="num">{task.amountCents > 0 ? money(task.amountCents) : '—'}</td>
                      <td className="num">{task.daysOverdue > 0 ? integer(task.daysOverdue) : '—'}</td>
                      <td className="num">{date(task.dueDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="text-muted queue__keys">{t('dunning.queue.keys')}</p>
          </div>
          {current && <TaskDetail task={current} onRecord={() => setOpen({ kind: 'outcome', task: current })} onPause={() => setOpen({ kind: 'pause', task: current })} onSnooze={() => void snoozeTomorrow(current)} />}
        </div>
      )}
      {open?.kind === 'outcome' && <OutcomeDialog task={open.task} onClose={close} />}
      {open?.kind === 'pause' && <PauseDialog customerId={open.task.customerId} customerName={open.task.customerName} onClose={close} />}
    </section>
  );
}

function TaskDetail({ task, onRecord, onPause, onSnooze }: { task: TaskView; onRecord(): void; onPause(): void; onSnooze(): void }) {
  const { t } = useTranslation();
  return (
    <aside className="panel queue__detail" aria-label={task.title} data-testid="task-detail">
      <div className="panel__header">
        <h2>{task.customerName}</h2>
      </div>
      <div className="queue__detail-body">
        <p>
          <span className={`badge queue-type queue-type--${task.type}`}>{t(`dunning.queue.type.${task.type}`)}</span> <strong>{task.title}</strong>
        </p>
        <p className="text-muted">
          {task.amountCents > 0 ? money(task.amountCents) : null}
          {task.daysOverdue > 0 ? ` · ${t('dunning.queue.daysLate', { count: task.daysOverdue })}` : null}
        </p>
        {task.phone && (
          <p>
            {t('dunning.queue.phone')}: <a href={`tel:+${task.phone}`}>{phone(task.phone)}</a>
          </p>
        )}
        {task.messageText && (
          <>
            <h3 className="queue__label">{t('dunning.queue.message')}</h3>
            <pre className="queue__message" data-testid="task-message">
              {task.messageText}
            </pre>
          </>
        )}
        <div className="queue__actions">
          <button type="button" className="button button--primary" onClick={onRecord} data-testid="task-record">
            {t('dunning.queue.record')} <kbd>Enter</kbd>
          </button>
          {task.link && (
            <button type="button" className="button" onClick={() => void platform.openExternal(task.link!)} data-testid="task-whatsapp">
              {t('dunning.queue.openWhatsapp')} <kbd>W</kbd>
            </button>
          )}
          <a className="button" href={hrefFor({ name: 'customer', id: task.customerId })}>
            {t('dunning.queue.openCustomer')} <kbd>C</kbd>
          </a>
          <button type="button" className="button" onClick={onSnooze}>
            {t('dunning.queue.snooze')} <kbd>A</kbd>
          </button>
          <button type="button" className="button" onClick={onPause} data-testid="task-pause">
            {t('dunning.queue.pause')} <kbd>P</kbd>
          </button>
        </div>
      </div>
    </aside>
  );
}
