import { Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { DomainError, validationFailed } from './domain-error';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one UUID check (any version, either case): what a uuid column accepts. Route parameters, bodies, cursors and tokens all use it. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value);

export const invalidUuid = (name: string): DomainError =>
  validationFailed([{ field: name, message: `${name} must be a UUID` }], `${name} must be a UUID.`);

class UuidPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}

  transform(value: unknown): string {
    if (!isUuid(value)) throw invalidUuid(this.name);
    return value;
  }
}

/**
 * A route parameter that must be a UUID; anything else is a 400 validation problem naming it. It
 * declares itself in the OpenAPI document (a path parameter of format uuid): with a pipe instance
 * the Swagger explorer does not list it.
 */
export const UuidParam =
  (name: string): ParameterDecorator =>
  (target, key, index) => {
    Param(name, new UuidPipe(name))(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) ApiParam({ name, type: String, format: 'uuid' })(target, key, descriptor);
  };

/**
 * The `:orgId` route parameter as the organization id the policy guard authorized the caller
 * for (the guard resolves access from the same parameter before the handler runs).
 */
export const OrgIdParam = () => UuidParam('orgId');

/** Declares `:orgId` in the OpenAPI document on a handler that takes the caller's access (CurrentAccess) instead of OrgIdParam. */
export const ApiOrgIdParam = () => ApiParam({ name: 'orgId', type: String, format: 'uuid' });

/** A DTO property that must be a UUID (isUuid). */
export const IsUuid = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isUuid', validator: { validate: isUuid, defaultMessage: (args) => `${args?.property} must be a UUID` } }, options);
