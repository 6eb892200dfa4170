import { conflict } from '../common/domain-error';

export const ReportErrors = {
  renderingFailed: (reason: string | null) => conflict('report-failed', `The report could not be rendered: ${reason ?? 'unknown reason'}. Order a new one.`),
};
