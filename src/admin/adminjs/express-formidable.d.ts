// express-formidable 1.2 ships no types; the part AdminJS's router and the back-office use.
declare module 'express-formidable' {
  import type { RequestHandler } from 'express';

  interface ExpressFormidableOptions {
    maxFields?: number;
    maxFieldsSize?: number;
    maxFileSize?: number;
    multiples?: boolean;
  }

  function formidable(options?: ExpressFormidableOptions): RequestHandler;
  export = formidable;
}
