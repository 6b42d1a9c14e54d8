/** Printed reports (PDF) and their CSV twins: the aging report, the customer statement, the collection activity report. */
import type { Params } from './schemas';

/** A file for the renderer to hand to `platform.saveFile`; binary content (PDF) comes base64-encoded. */
export interface ReportFile {
  fileName: string;
  mimeType: 'application/pdf' | 'text/csv';
  encoding: 'base64' | 'utf8';
  content: string;
}

export interface ReportsApi {
  'reports.aging': { params: Params<'reports.aging'>; result: ReportFile };
  'reports.statement': { params: Params<'reports.statement'>; result: ReportFile };
  'reports.activity': { params: Params<'reports.activity'>; result: ReportFile };
}
