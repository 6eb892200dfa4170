/** Every Bull queue of the application; the outbox relay can hand jobs to any of them. */
export const MAIL_QUEUE = 'mail';

export const QUEUE_NAMES = [MAIL_QUEUE] as const;
