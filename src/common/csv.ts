import { StreamableFile, Type, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';

/** `Accept` asks for CSV (among others or alone). */
export const acceptsCsv = (accept: string | undefined) => /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept ?? '');

/**
 * RFC 4180 CSV with a header row of `columns` (csv-stringify): CRLF line ends, and cells a
 * spreadsheet would run as a formula (=, +, -, @ …) prefixed with a quote.
 */
export function csvAttachment<Column extends string>(rows: Record<Column, string | number | boolean>[], columns: readonly Column[], fileName: string): StreamableFile {
  const csv = stringify(rows, { header: true, columns: [...columns], escape_formulas: true, record_delimiter: 'windows', cast: { boolean: String } });
  return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}"` });
}

/** A list route's OpenAPI side when it answers JSON pages or, with `Accept: text/csv`, every row as CSV. */
export const ApiPageOrCsv = (page: Type<unknown>, csvColumns: readonly string[]) =>
  applyDecorators(
    ApiHeader({ name: 'Accept', required: false, description: '`text/csv` for every matching row as one CSV (no paging); JSON pages otherwise.' }),
    ApiProduces('application/json', 'text/csv'),
    ApiExtraModels(page),
    ApiOkResponse({
      description: 'A page, or every row as CSV (header row, CRLF, formula-like cells prefixed with a quote).',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(page) } },
        'text/csv': { schema: { type: 'string', example: `${csvColumns.join(',')}\r\n` } },
      },
    }),
  );
