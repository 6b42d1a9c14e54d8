import type { Locator, Page } from '@playwright/test';

export class PortfolioPage {
  readonly grid: Locator;
  readonly body: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly totalsCount: Locator;
  readonly totalsOpen: Locator;
  readonly totalsOverdue: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByTestId('portfolio-grid');
    this.body = page.getByTestId('portfolio-body');
    this.rows = page.getByTestId('portfolio-row');
    this.search = page.getByTestId('portfolio-search');
    this.totalsCount = page.getByTestId('totals-count');
    this.totalsOpen = page.getByTestId('totals-open');
    this.totalsOverdue = page.getByTestId('totals-overdue');
  }

  filter(name: 'segment' | 'uf' | 'status' | 'salesRep' | 'overdueBucket') {
    return this.page.getByTestId(`filter-${name}`);
  }

  async names(): Promise<string[]> {
    return this.rows.locator('.cell-name__main').allInnerTexts();
  }

  /** The visible money column `n` (0-based among cells) as centavos, parsed from "R$ 1.234,56". */
  async columnCents(testIdColumnIndex: number): Promise<number[]> {
    const texts = await this.rows.evaluateAll(
      (rows, i) => rows.map((r) => (r.querySelectorAll('[role=gridcell]')[i] as HTMLElement).innerText),
      testIdColumnIndex,
    );
    return texts.map(parseBrl);
  }
}

export function parseBrl(text: string): number {
  const clean = text.replace(/[^\d,-]/g, '');
  const [int, dec = '00'] = clean.split(',');
  const sign = int!.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(int)) * 100 + Number(dec.padEnd(2, '0')));
}
