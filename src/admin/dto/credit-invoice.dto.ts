import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** "Credit this invoice" in the back-office: why, and which lines (by position; none named credits every line). */
export class CreditInvoiceDto {
  @IsString()
  @Matches(/\S/, { message: 'creditNoteReason must say why the invoice is corrected' })
  @MaxLength(500)
  creditNoteReason: string;

  @IsOptional()
  @IsString()
  @Matches(/^\s*(\d{1,4}\s*(,\s*\d{1,4}\s*)*)?$/, { message: 'creditNotePositions must be line positions separated by commas, e.g. "1, 3"; empty credits every line' })
  creditNotePositions?: string;
}

/** The positions named in the form, each once, in order. */
export const creditedPositions = (dto: CreditInvoiceDto): number[] =>
  [...new Set((dto.creditNotePositions ?? '').split(',').map((part) => part.trim()).filter(Boolean).map(Number))].sort((a, b) => a - b);
