/** Every Bull queue of the application; the outbox relay can hand jobs to any of them. */
export const MAIL_QUEUE = 'mail';
export const PDF_QUEUE = 'pdf';
export const BILLING_QUEUE = 'billing';
/** The sweeper's repeatable job. */
export const MAINTENANCE_QUEUE = 'maintenance';

export const QUEUE_NAMES = [MAIL_QUEUE, PDF_QUEUE, BILLING_QUEUE, MAINTENANCE_QUEUE] as const;
