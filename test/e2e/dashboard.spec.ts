import type { DashboardSummary } from '../../shared/ipc/dashboard.contract';
import { SCREENSHOT_DIR, expect, test } from './fixtures';
import { PortfolioPage, parseBrl } from './pages/portfolio.page';

async function openDashboard(page: import('@playwright/test').Page, app: { url: string; call: <T>(m: string, p: unknown) => Promise<T> }) {
  await app.call('demo.load', { customers: 300, invoices: 6000, seed: 7 });
  await page.goto(`${app.url}#/painel`);
  await expect(page.getByTestId('dashboard-kpis')).toBeVisible({ timeout: 20_000 });
  return app.call<DashboardSummary>('dashboard.summary', {});
}

test('the dashboard shows the backend figures; a bucket row opens exactly its customers in the portfolio', async ({ page, app }) => {
  const summary = await openDashboard(page, app);
  await expect(page.getByTestId('nav-dashboard')).toHaveAttribute('aria-current', 'page');
  expect(parseBrl(await page.getByTestId('kpi-overdue-value').innerText())).toBe(summary.totals.overdueCents);
  expect(parseBrl(await page.getByTestId('kpi-openReceivables-value').innerText())).toBe(summary.totals.openCents);
  await expect(page.getByTestId('trend-table').locator('tbody tr')).toHaveCount(12);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-01-top.png` });
  await page.getByTestId('trend-table').locator('xpath=ancestor::section[1]').screenshot({ path: `${SCREENSHOT_DIR}/dashboard-01-trends.png` });
  await page.getByTestId('breakdown-segment').locator('xpath=ancestor::div[contains(@class,"dash-breakdowns")]').screenshot({ path: `${SCREENSHOT_DIR}/dashboard-01-breakdowns.png` });

  // A month of the trend shows the whole dashboard as of that month-end, equal to the backend's summary then.
  await page.getByTestId('trend-row-2026-09-30').getByRole('button').click();
  await expect(page.getByTestId('dashboard-asof')).toHaveValue('30/09/2026');
  const september = await app.call<DashboardSummary>('dashboard.summary', { asOf: '2026-09-30' });
  await expect(page.getByTestId('kpi-overdue-value')).toHaveText(/R\$/);
  await expect.poll(async () => parseBrl(await page.getByTestId('kpi-overdue-value').innerText())).toBe(september.totals.overdueCents);
  await page.getByRole('button', { name: 'Hoje' }).click();
  await expect(page.getByTestId('dashboard-asof')).toHaveValue('25/11/2026');

  // The definition is one hover away.
  await page.getByTestId('kpi-cei').getByRole('button', { name: /O que é\?/ }).hover();
  await expect(page.getByTestId('kpi-cei').getByRole('tooltip')).toBeVisible();
  await expect(page.getByTestId('kpi-cei').getByRole('tooltip')).toContainText('eficácia da cobrança');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-02-kpi-help.png` });

  // The bucket with the most customers: its row says how many, the portfolio lists exactly that many.
  const bucket = [...summary.aging].filter((b) => b.key !== 'current').sort((a, b) => b.customerCount - a.customerCount)[0]!;
  expect(bucket.customerCount).toBeGreaterThan(0);
  await expect(page.getByTestId(`aging-customers-${bucket.key}`)).toHaveText(String(bucket.customerCount));
  await page.getByTestId(`aging-open-${bucket.key}`).click();
  const portfolio = new PortfolioPage(page);
  await expect(portfolio.filter('overdueBucket')).toHaveValue(bucket.key);
  await expect(portfolio.totalsCount).toHaveText(String(bucket.customerCount));
  await expect(portfolio.rows.first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-03-bucket-door.png` });
});

test('a bar of the aging chart is a door too; obligations entered show the weeks cash does not cover', async ({ page, app }) => {
  const summary = await openDashboard(page, app);

  // Week 1 (25/11 – 01/12): an obligation far above the expected receipts.
  const week1 = (await app.call<{ weeks: { expectedCents: number }[] }>('dashboard.cashForecast', {})).weeks[0]!;
  await page.getByTestId('obligation-description').fill('Folha de novembro');
  await page.getByTestId('obligation-category').selectOption('payroll');
  await page.getByTestId('obligation-due').fill('27/11/2026');
  await page.getByTestId('obligation-amount').fill('9.999.999,99');
  await page.getByTestId('obligation-save').click();
  await expect(page.getByTestId('obligations-table')).toContainText('Folha de novembro');
  const row = page.getByTestId('cash-week-2026-11-25');
  await expect(row).toContainText('Não cobre');
  await expect(row).toHaveClass(/dash-shortfall/);
  expect(parseBrl(await row.locator('td').nth(3).innerText())).toBe(999_999_999);
  expect(parseBrl(await row.locator('td').nth(2).innerText())).toBe(week1.expectedCents);
  await page.getByTestId('cash-table').locator('xpath=ancestor::section[1]').screenshot({ path: `${SCREENSHOT_DIR}/dashboard-04-cash.png` });

  // The tallest overdue bar: click it on the chart.
  const index = summary.aging.findIndex((b) => b.key === 'd180_plus');
  const bar = page.getByTestId('aging-chart').locator('.recharts-bar-rectangle').nth(index);
  await bar.scrollIntoViewIfNeeded();
  await bar.click();
  await expect(new PortfolioPage(page).filter('overdueBucket')).toHaveValue('d180_plus');
  await expect(new PortfolioPage(page).totalsCount).toHaveText(String(summary.aging[index]!.customerCount));
});
