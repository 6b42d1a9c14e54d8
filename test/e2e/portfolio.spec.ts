import { SCREENSHOT_DIR, expect, test } from './fixtures';
import { PortfolioPage, parseBrl } from './pages/portfolio.page';

test('first run: load demo data, then filter, sort and search the portfolio', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Bem-vindo ao Adimple' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/01-first-run.png` });
  await page.getByTestId('load-demo').click();

  const portfolio = new PortfolioPage(page);
  await expect(portfolio.rows.first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/02-portfolio.png` });

  const info = await app.call<{ customerCount: number }>('app.info', {});
  await expect(portfolio.totalsCount).toHaveText(String(info.customerCount).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));

  // Default sort: overdue balance, largest first.
  const overdue = await portfolio.columnCents(5);
  expect(overdue.length).toBeGreaterThan(5);
  expect([...overdue].sort((a, b) => b - a)).toEqual(overdue);

  // Filter by a segment: every visible row has it and the totals match the backend's.
  await portfolio.filter('segment').selectOption('Farmácia');
  await expect(portfolio.rows.first()).toBeVisible();
  const segments = await portfolio.rows.evaluateAll((rows) => rows.map((r) => (r.querySelectorAll('[role=gridcell]')[2] as HTMLElement).innerText));
  expect(new Set(segments)).toEqual(new Set(['Farmácia']));
  const expected = await app.call<{ totals: { count: number; overdueCents: number } }>('customers.list', { segment: 'Farmácia' });
  await expect(portfolio.totalsOverdue).toHaveText(/R\$/);
  expect(parseBrl(await portfolio.totalsOverdue.innerText())).toBe(expected.totals.overdueCents);

  // Sort by name ascending.
  await page.getByTestId('sort-legalName').click();
  await expect(page.getByRole('columnheader', { name: /Cliente/ })).toHaveAttribute('aria-sort', 'ascending');
  const names = await portfolio.names();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'pt-BR', { sensitivity: 'base' })));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/03-portfolio-filtered.png` });

  // Search by a name fragment without accents.
  const target = names[0]!;
  await portfolio.search.fill(target.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().slice(0, 18));
  await expect(portfolio.rows.filter({ hasText: target }).first()).toBeVisible();

  // Filters are remembered across a reload.
  await page.reload();
  await expect(portfolio.filter('segment')).toHaveValue('Farmácia');
});
