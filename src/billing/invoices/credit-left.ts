/** A line as stored: credit-note lines carry negative totals. */
export interface BookedLine {
  code: string;
  totalCents: number;
}

/** A line someone wants to credit: a positive amount. */
export interface WantedCredit {
  code: string;
  creditedCents: number;
}

/**
 * What is left to credit of an invoice, per line code: the totals of its lines of that code less
 * what its credit notes took of that code. Crediting keeps within this, line code by line code,
 * so all credit notes of an invoice together never credit more than any item billed, nor its net.
 */
export function leftToCredit(billed: readonly BookedLine[], credited: readonly BookedLine[]): Map<string, number> {
  const left = new Map<string, number>();
  for (const line of billed) left.set(line.code, (left.get(line.code) ?? 0) + line.totalCents);
  for (const line of credited) left.set(line.code, (left.get(line.code) ?? 0) + line.totalCents);
  return left;
}

/** Whether crediting `wanted` would take more of some code than is left of it. */
export function exceedsWhatIsLeft(wanted: readonly WantedCredit[], left: ReadonlyMap<string, number>): boolean {
  const wantedByCode = new Map<string, number>();
  for (const line of wanted) wantedByCode.set(line.code, (wantedByCode.get(line.code) ?? 0) + line.creditedCents);
  return [...wantedByCode].some(([code, cents]) => cents > Math.max(0, left.get(code) ?? 0));
}

/** `wanted`, each line cut to what is left of its code (lines of one code share it, in order); lines with nothing left are dropped. */
export function clipToWhatIsLeft<Line extends WantedCredit>(wanted: readonly Line[], left: ReadonlyMap<string, number>): Line[] {
  const remaining = new Map(left);
  const clipped: Line[] = [];
  for (const line of wanted) {
    const creditedCents = Math.min(line.creditedCents, Math.max(0, remaining.get(line.code) ?? 0));
    if (creditedCents <= 0) continue;
    remaining.set(line.code, (remaining.get(line.code) ?? 0) - creditedCents);
    clipped.push({ ...line, creditedCents });
  }
  return clipped;
}

/** The net still creditable: what is left over all codes. */
export function netLeft(left: ReadonlyMap<string, number>): number {
  return [...left.values()].reduce((sum, cents) => sum + Math.max(0, cents), 0);
}
