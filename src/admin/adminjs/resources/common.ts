import { AnyEntity, EntityClass, MikroORM } from '@mikro-orm/core';
import type { Action, ActionContext, ActionResponse, RecordActionResponse, ResourceOptions, ResourceWithOptions } from 'adminjs';
import { InvoiceDeliveryService } from '../../../billing/invoices/invoice-delivery.service';
import { DomainError } from '../../../common/domain-error';
import { BackofficeChanges } from '../../backoffice-changes.service';
import { BackofficeResourceArgs, Params } from '../backoffice-resource';

export const ROOT_PATH = '/admin';

export interface ResourceDeps {
  orm: MikroORM;
  changes: BackofficeChanges;
  invoices: InvoiceDeliveryService;
}

export const NAVIGATION = {
  tenancy: { name: 'Organizations and users', icon: 'Users' },
  billing: { name: 'Billing', icon: 'CreditCard' },
  platform: { name: 'Platform', icon: 'Settings' },
  integrations: { name: 'Integrations', icon: 'Share2' },
};

/** An action that must not exist: refused on its API route too, not only hidden. */
export const DISABLED = { isAccessible: false, isVisible: false } as const;

/** What AdminJS offers on every resource that a read-only one must not have. */
export const READ_ONLY_ACTIONS = { new: DISABLED, edit: DISABLED, delete: DISABLED, bulkDelete: DISABLED };

export function defineResource<T extends AnyEntity>(
  deps: ResourceDeps,
  model: EntityClass<T>,
  adapter: Omit<BackofficeResourceArgs, 'model' | 'orm'>,
  options: ResourceOptions,
): ResourceWithOptions {
  const resource: BackofficeResourceArgs = { model, orm: deps.orm, ...adapter };
  return { resource, options };
}

export const resourceUrl = (resourceId: string, filters: Record<string, string> = {}) => {
  const query = new URLSearchParams(Object.entries(filters).map(([key, value]): [string, string] => [`filters.${key}`, value])).toString();
  return `${ROOT_PATH}/resources/${resourceId}${query ? `?${query}` : ''}`;
};

export const showUrl = (resourceId: string, recordId: string) => `${ROOT_PATH}/resources/${resourceId}/records/${encodeURIComponent(recordId)}/show`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** Links shown as one `richtext` property (AdminJS renders it sanitized, and needs no custom component for it). */
export const linkList = (links: [label: string, href: string][]) =>
  links.map(([label, href]) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`).join(' · ');

/** Form values arrive as strings; a value that is not one stays as it is, so validation names it. */
export function integer(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
}

export function decimal(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
}

export function boolean(value: unknown): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** Drops what the form left empty, so optional fields stay unset. */
export function present(params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== '' && value !== undefined && value !== null));
}

interface RecordActionSpec {
  icon: string;
  /** Confirmation AdminJS asks for before it calls the action. */
  guard?: string;
  /** Whether the action exists for this record (default: for every record); checked again by AdminJS before the handler runs. */
  isAccessible?: (params: Params) => boolean;
  run: (recordId: string, context: ActionContext) => Promise<{ message: string; type?: 'success' | 'info' | 'error'; redirectUrl?: string }>;
}

/**
 * A button on a record that calls a back-office service. AdminJS calls such actions with GET (its
 * frontend has no other way without a custom component); the session cookie is SameSite=Strict and
 * API calls from other sites are refused (backoffice-security.ts), so a foreign page cannot trigger one.
 * A refused change (a domain problem) comes back as an error notice and changes nothing.
 */
export function recordAction(spec: RecordActionSpec): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    component: false,
    icon: spec.icon,
    guard: spec.guard,
    isAccessible: ({ record }: ActionContext) => !!record && (spec.isAccessible?.(record.params) ?? true),
    handler: async (_request, _response, context): Promise<RecordActionResponse> => {
      const { record, currentAdmin } = context;
      if (!record) throw new Error('Record actions always have a record');
      try {
        const { message, type = 'success', redirectUrl } = await spec.run(String(record.id()), context);
        const fresh = (await context.resource.findOne(String(record.id()), context)) ?? record;
        return { record: fresh.toJSON(currentAdmin), notice: { message, type }, redirectUrl };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { record: record.toJSON(currentAdmin), notice: { message: error.message, type: 'error' } };
      }
    },
  };
}
