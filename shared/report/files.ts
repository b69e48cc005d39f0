import { reportMarkdown } from './markdown';
import type { AfterActionReport, ReportFileFormat } from './model';

/** The text formats of the report; PDF is the HTML printed by Chromium (see html.ts). */
export function reportText(report: AfterActionReport, format: Exclude<ReportFileFormat, 'pdf'>): string {
  return format === 'md' ? reportMarkdown(report) : JSON.stringify(report, null, 2) + '\n';
}

/** "Aurora - after-action report.pdf", before the save dialog makes it safe for the file system. */
export const reportFileTitle = (report: AfterActionReport): string => `${report.overview.title} - after-action report`;
