// Reads document definitions (before rendering) in specs: the texts of a content tree, of a
// dynamic header or footer, and the tables in it.
import type { Content, DocumentDefinition, DynamicContent } from 'pdfmake';
import { A4_HEIGHT, A4_WIDTH } from '../layout';

export interface DefinitionTable {
  headerRows?: number;
  keepWithHeaderRows?: number;
  widths?: unknown[];
  body: unknown[][];
}

/** Every text of a content tree in order: plain string nodes and `text` values, not styles or options. */
export function texts(content: Content | null | undefined): string[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return [content];
  if (Array.isArray(content)) return content.flatMap(texts);
  return Object.entries(content).flatMap(([key, value]) => {
    if (key === 'text') return texts(value as Content);
    if (key === 'widths' || typeof value !== 'object' || value === null) return [];
    return texts(value as Content);
  });
}

/** The texts of a dynamic header or footer on one page of an A4 document. */
export function renderDynamic(part: DocumentDefinition['footer'], currentPage: number, pageCount: number): string[] {
  return texts((part as DynamicContent)(currentPage, pageCount, { width: A4_WIDTH, height: A4_HEIGHT }));
}

export function findTables(content: Content, predicate: (table: DefinitionTable) => boolean = () => true): DefinitionTable[] {
  const found: DefinitionTable[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const table = (node as { table?: DefinitionTable }).table;
    if (table && predicate(table)) found.push(table);
    Object.values(node).forEach(visit);
  };
  visit(content);
  return found;
}
