import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf, ValidationOptions } from 'class-validator';
import { hasControlCharacter } from './control-characters';
import { FieldError, validationFailed } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return own.concat(flatten(error.children ?? [], field));
  });
}

/** Deeper JSON is refused before class-transformer, whose recursion a few thousand levels overflow. No DTO of ours nests beyond 4. */
export const MAX_INPUT_DEPTH = 32;
const MAX_REPORTED_FIELDS = 20;

/**
 * What is refused in any body, query or path value before it is transformed or validated: nesting
 * deeper than MAX_INPUT_DEPTH, and strings with control characters (`hasControlCharacter`), each
 * named by its field path. Walks with its own stack, so hostile nesting cannot overflow it.
 */
export function inputShapeErrors(input: unknown, rootField = ''): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: input, field: rootField, depth: 0 }];
  while (pending.length > 0 && errors.length < MAX_REPORTED_FIELDS) {
    const { value, field, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (hasControlCharacter(value)) errors.push({ field: field || '(value)', message: `${field || 'the value'} must not contain control characters` });
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_INPUT_DEPTH) {
        errors.push({ field: field || '(body)', message: `the input must not nest deeper than ${MAX_INPUT_DEPTH} levels` });
        break;
      }
      for (const [key, child] of Object.entries(value)) {
        if (hasControlCharacter(key)) errors.push({ field: field || '(body)', message: 'field names must not contain control characters' });
        pending.push({ value: child, field: field ? `${field}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return errors;
}

/**
 * An optional field that is not nullable: omitting it skips its checks, `null` fails them (400)
 * instead of reaching a NOT NULL column. `IsOptional` stays for fields where null is a documented value.
 */
export const Omittable = (options?: ValidationOptions) => ValidateIf((_object, value) => value !== undefined, options);

class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const errors = inputShapeErrors(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (errors.length > 0) throw validationFailed(errors);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
