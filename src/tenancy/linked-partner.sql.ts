/**
 * Joins `p`, the partner of organization `o` when `o` is a linked customer organization and the
 * partner is not deleted: the partner whose brand and support contact `o`'s users see. For raw SQL
 * selecting from `organization o`.
 */
export const LINKED_PARTNER_JOIN = `left join organization p on p.id = o.partner_id and p.deleted_at is null and o.kind = 'customer'`;
