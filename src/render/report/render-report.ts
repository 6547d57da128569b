import type { ReportData } from '../../domain/reports/report-types.ts';

// STUB (owned by the rendering helper).

/** A whole HTML document (inline CSS, SVG charts, no scripts): e-mail body, portal and console view. */
export function renderReportHtml(_data: ReportData): string {
  throw new Error('not implemented');
}

/** The PDF from the same data; the same data gives the same bytes. */
export async function renderReportPdf(_data: ReportData): Promise<Buffer> {
  throw new Error('not implemented');
}

/** The e-mail subject and plain-text part, in the report's language. */
export function renderReportMailText(_data: ReportData): { subject: string; text: string } {
  throw new Error('not implemented');
}
