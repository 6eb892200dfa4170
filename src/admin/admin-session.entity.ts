import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A back-office login session, written by connect-pg-simple (express-session's PostgreSQL store).
 * Mapped only so the schema lives in migrations and schema diffs know the table; the application
 * never reads it through the ORM.
 */
@Entity({ tableName: 'admin_session' })
@Index({ properties: ['expire'] })
export class AdminSession {
  @PrimaryKey({ type: 'text' })
  sid!: string;

  @Property({ type: 'json' })
  sess!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  expire!: Date;
}
