import type { en } from './messages.en';

/** The shape of a catalogue: every language has every key of the English one. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Catalogue = Shape<typeof en>;
