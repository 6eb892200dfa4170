/** Every Bull queue of the application; the outbox relay can hand jobs to any of them. */
export const MAIL_QUEUE = 'mail';
export const PDF_QUEUE = 'pdf';
export const BILLING_QUEUE = 'billing';
export const WEBHOOK_QUEUE = 'webhook';
/** The sweeper's repeatable job. */
export const MAINTENANCE_QUEUE = 'maintenance';

export const QUEUE_NAMES = [MAIL_QUEUE, PDF_QUEUE, BILLING_QUEUE, WEBHOOK_QUEUE, MAINTENANCE_QUEUE] as const;
