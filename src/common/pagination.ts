import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { hasControlCharacter } from './control-characters';
import { badRequest } from './domain-error';
import { isUuid } from './uuid-param';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s `nextCursor`.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export class NamedPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the name.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Kinds of cursor parts; parts are checked so no crafted cursor reaches SQL as a bad value. */
export type CursorPart = 'string' | 'number' | 'uuid' | 'timestamp';

const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** An ISO timestamp that names a real instant: 2026-02-30 or 24:00 do not round-trip and are refused. */
const isRealTimestamp = (part: string) => {
  if (!TIMESTAMP_PATTERN.test(part)) return false;
  const time = Date.parse(part);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === part.slice(0, 19);
};

const PART_CHECKS: Record<CursorPart, (part: unknown) => boolean> = {
  string: (part) => typeof part === 'string' && part.length <= 512 && !hasControlCharacter(part),
  number: (part) => typeof part === 'number' && Number.isSafeInteger(part),
  uuid: isUuid,
  timestamp: (part) => typeof part === 'string' && isRealTimestamp(part),
};

export function decodeCursor<T extends readonly (string | number)[]>(cursor: string | undefined, shape: readonly CursorPart[]): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === shape.length && key.every((part, index) => PART_CHECKS[shape[index]](part))) {
      return key as unknown as T;
    }
  } catch {
    // fall through
  }
  throw badRequest('invalid-cursor', 'The cursor is malformed; pass back a nextCursor exactly as received.');
}

/** Given limit+1 rows, returns the page and the cursor of its last row. */
export function toPage<Row, Item>(rows: Row[], limit: number, keyOf: (row: Row) => (string | number)[], map: (row: Row) => Item): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null,
  };
}

/** Escapes LIKE wildcards so `q` matches literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
