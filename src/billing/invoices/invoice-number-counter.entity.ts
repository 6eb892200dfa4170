import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The last invoice number issued per year; its row lock makes numbering gapless. */
@Entity({ tableName: 'invoice_number_counter' })
export class InvoiceNumberCounter {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}
