import type { reportsPtBR } from './reports.pt-BR';

export const reportsEn: typeof reportsPtBR = {
  nav: 'Reports',
  title: 'Reports',
  subtitle: 'Documents to print or send, with the company details, the filters used and when they were generated.',
  pdf: 'Download PDF',
  csv: 'Download CSV',
  generating: 'Generating…',
  saved: 'File {{file}} saved.',
  all: 'All',
  aging: {
    title: 'Portfolio aging',
    text: 'Customers grouped by days overdue (not yet due, 1–15, 16–30, 31–60, 61–90, 91–180, over 180 days), with subtotals and a grand total as of today.',
  },
  activity: {
    title: 'Collection activity',
    text: 'Contacts in the period by clerk, channel and outcome: dunning messages and tasks completed by the clerks.',
    from: 'From',
    to: 'To',
  },
  statement: {
    button: 'Debt statement (PDF)',
    hint: 'Open títulos updated with fine and interest, the total with a Pix code and the boleto lines.',
  },
  companyMissing: 'Fill in the company details so they appear on the header.',
  companyLink: 'Go to Settings › Company',
};
