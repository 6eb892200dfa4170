export const REPORT_PDF_JOB = 'report-pdf';

export interface ReportPdfJob {
  reportId: string;
}

/** Bull keeps one job per report, however often the outbox relays it. */
export const reportJobId = (reportId: string) => `report:${reportId}`;

export const reportPdfFileName = (type: string, createdAt: Date) => `${type}-report-${createdAt.toISOString().slice(0, 10)}.pdf`;
