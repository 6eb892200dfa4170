import { AnyEntity, EntityClass, EntityMetadata, MikroORM, wrap } from '@mikro-orm/core';
import type { Resource as AdapterResource } from '@adminjs/mikroorm';
import type { BaseProperty, BaseRecord, Filter, PropertyType } from 'adminjs';
import { FieldError, DomainError } from '../../common/domain-error';
import type { AdminJsLib } from './adminjs-lib';
import { VirtualFilters, Where, filterWhere, isValidPrimaryKey, orderBy } from './resource-filter';

export type Params = Record<string, unknown>;

// The adapter types its properties as its own Property class; computed ones are plain BaseProperties.
type AdapterProperty = ReturnType<AdapterResource['properties']>[number];

/**
 * Writes of one resource; each goes through the back-office services. A missing one is refused.
 * `fields` are the top-level params a write may set; a request that sets any other exposed one
 * (or, on update, changes it) is refused whole, since AdminJS's forms post every field back.
 */
export interface ResourceWriter {
  create?: { fields: string[]; run(params: Params): Promise<string> };
  update?: { fields: string[]; run(id: string, params: Params): Promise<void> };
  delete?(id: string): Promise<void>;
}

/** A value shown with every record, computed from the entity, optionally filterable. */
export interface VirtualProperty {
  path: string;
  type: PropertyType;
  /** Takes the resource's entity (typed `never` so each resource can name its own entity class). */
  compute: (entity: never) => unknown;
  filter?: (value: unknown) => Where | undefined;
}

/** What `resources: [{ resource: … }]` hands to the adapter. */
export interface BackofficeResourceArgs {
  model: EntityClass<AnyEntity>;
  orm: MikroORM;
  writer?: ResourceWriter;
  virtual?: VirtualProperty[];
  /** Default order of lists. */
  order?: Record<string, 'asc' | 'desc'>;
}

/**
 * The @adminjs/mikroorm resource with what the back-office needs on top: properties hidden in the
 * entity (`hidden: true`, e.g. password hashes) do not exist for AdminJS at all, so they are neither
 * shown nor filterable nor sortable; filters are typed (see resource-filter.ts); malformed ids find
 * nothing instead of failing in PostgreSQL; and every write goes to the resource's writer, in one
 * transaction with its audit entry, or is refused. (The adapter's own writes assign whatever the
 * request carries and swallow database errors.)
 */
export function createResourceClass(adminjs: AdminJsLib) {
  const { BaseRecord: Record_, BaseProperty: Property_, ValidationError, ForbiddenError, flat } = adminjs.core;

  return class BackofficeResource extends adminjs.mikroOrm.Resource {
    private readonly config: BackofficeResourceArgs;
    private readonly entityMeta: EntityMetadata;
    private readonly exposed: BaseProperty[];
    private readonly exposedPaths: Set<string>;
    private readonly virtualFilters: VirtualFilters;

    constructor(args: BackofficeResourceArgs) {
      super(args);
      this.config = args;
      this.entityMeta = args.orm.getMetadata().get(args.model.name);
      const hidden = new Set(Object.values(this.entityMeta.properties).filter((prop) => prop.hidden).map((prop) => prop.name));
      this.exposed = [
        ...super
          .properties()
          .filter((property) => !hidden.has(property.path()))
          // The adapter has no type for decimal columns (it warns on every request); they are numbers.
          .map((property) => (isDecimal(this.entityMeta, property.path()) ? new Property_({ path: property.path(), type: 'number' }) : property)),
        ...(args.virtual ?? []).map((virtual) => new Property_({ path: virtual.path, type: virtual.type, isSortable: false })),
      ];
      this.exposedPaths = new Set(this.exposed.map((property) => property.path()));
      this.virtualFilters = Object.fromEntries((args.virtual ?? []).filter((virtual) => virtual.filter).map((virtual) => [virtual.path, virtual.filter!]));
    }

    override properties(): AdapterProperty[] {
      return this.exposed as AdapterProperty[];
    }

    override property(path: string): AdapterProperty {
      return this.exposed.find((property) => property.path() === path) as AdapterProperty;
    }

    override async count(filter: Filter): Promise<number> {
      return this.config.orm.em.fork().count(this.config.model, this.where(filter));
    }

    override async find(filter: Filter, options: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: string } } = {}): Promise<BaseRecord[]> {
      const entities = await this.config.orm.em.fork().find(this.config.model, this.where(filter), {
        orderBy: orderBy(this.entityMeta, options.sort, this.exposedPaths, this.config.order ?? { [this.entityMeta.primaryKeys[0]]: 'asc' }),
        limit: Math.min(options.limit ?? 10, 500),
        offset: options.offset ?? 0,
      });
      return entities.map((entity) => this.toRecord(entity));
    }

    override async findOne(id: string | number): Promise<BaseRecord | null> {
      if (!isValidPrimaryKey(this.entityMeta, String(id))) return null;
      const entity = await this.config.orm.em.fork().findOne(this.config.model, { [this.entityMeta.primaryKeys[0]]: String(id) });
      return entity ? this.toRecord(entity) : null;
    }

    override async findMany(ids: (string | number)[]): Promise<BaseRecord[]> {
      const valid = ids.map(String).filter((id) => isValidPrimaryKey(this.entityMeta, id));
      if (valid.length === 0) return [];
      const entities = await this.config.orm.em.fork().find(this.config.model, { [this.entityMeta.primaryKeys[0]]: { $in: valid } });
      return entities.map((entity) => this.toRecord(entity));
    }

    override async create(params: Params): Promise<Params> {
      const create = this.config.writer?.create;
      if (!create) throw new ForbiddenError(`${this.id()} records are not created in the back-office.`);
      this.refuseOtherFields(params, {}, create.fields);
      const id = await this.write(create.fields, () => create.run(pick(flat.unflatten(params), create.fields)));
      return this.reread(id);
    }

    override async update(id: string | number, params: Params = {}): Promise<Params> {
      const update = this.config.writer?.update;
      if (!update) throw new ForbiddenError(`${this.id()} records are read-only in the back-office.`);
      const current = await this.findOne(id);
      if (!current) throw new ForbiddenError(`There is no such ${this.id()} record.`);
      this.refuseOtherFields(params, current.params, update.fields);
      await this.write(update.fields, () => update.run(String(id), pick(flat.unflatten(params), update.fields)));
      return this.reread(String(id));
    }

    override async delete(id: string | number): Promise<void> {
      const remove = this.config.writer?.delete;
      if (!remove) throw new ForbiddenError(`${this.id()} records are not deleted in the back-office.`);
      await this.write([], () => remove(String(id)));
    }

    /** Any exposed param outside `fields` must be absent or as stored: nothing else changes through a write. */
    private refuseOtherFields(posted: Params, current: Params, fields: string[]): void {
      const errors: Record<string, { message: string; type: string }> = {};
      // JSON properties arrive nested (`payment: {method}`) while records hold them flattened (`payment.method`): compare flattened.
      const stored: Params = flat.flatten(current);
      for (const [path, value] of Object.entries(flat.flatten(posted) as Params)) {
        const top = path.split('.')[0];
        if (fields.includes(top) || !this.exposedPaths.has(top)) continue;
        if (comparable(value) !== comparable(stored[path])) errors[path] = { message: 'cannot be changed in the back-office', type: 'read-only' };
      }
      if (Object.keys(errors).length > 0) {
        throw new ValidationError(errors, { message: `Read-only fields cannot be changed (${Object.keys(errors).join(', ')}).`, type: 'read-only' });
      }
    }

    private where(filter: Filter | undefined): Where {
      const entries = Object.values(filter?.filters ?? {}).map((entry) => ({ path: entry.path, value: entry.value }));
      return filterWhere(this.entityMeta, entries, this.exposedPaths, this.virtualFilters);
    }

    private toRecord(entity: AnyEntity): BaseRecord {
      const params: Params = wrap(entity).toObject();
      for (const virtual of this.config.virtual ?? []) params[virtual.path] = virtual.compute(entity as never);
      return new Record_(params, this);
    }

    private async reread(id: string): Promise<Params> {
      const record = await this.findOne(id);
      return record?.params ?? {};
    }

    /**
     * Domain problems become AdminJS validation errors: the form shows them next to the fields they
     * name, the notice shows the problem. AdminJS counts a write as failed only when some field has an
     * error, so a problem without field errors is pinned to the write's first field.
     */
    private async write<T>(fields: string[], work: () => Promise<T>): Promise<T> {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const fieldErrors = (error.extensions.errors as FieldError[] | undefined) ?? [];
        const propertyErrors = Object.fromEntries(fieldErrors.map((fieldError) => [fieldError.field, { message: fieldError.message, type: error.code }]));
        if (fieldErrors.length === 0 && fields.length > 0) propertyErrors[fields[0]] = { message: error.message, type: error.code };
        const message = fieldErrors.length > 0 ? `${error.message} ${fieldErrors.map((fieldError) => fieldError.message).join('; ')}` : error.message;
        throw new ValidationError(propertyErrors, { message, type: error.code });
      }
    }
  };
}

function isDecimal(meta: EntityMetadata, path: string): boolean {
  const column = meta.properties[path]?.columnTypes?.[0] ?? '';
  return /^(numeric|decimal)/.test(column);
}

function pick(params: Params, fields: string[]): Params {
  return Object.fromEntries(Object.entries(params).filter(([key]) => fields.includes(key)));
}

/** Form values come back as strings; stored ones may be dates, numbers, booleans or null. */
function comparable(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
