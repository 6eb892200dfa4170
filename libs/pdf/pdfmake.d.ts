// pdfmake 0.3 ships no typings (and @types/pdfmake describes 0.2); this declares only what libs/pdf uses.
// The package is CommonJS and exports one instance, so `import pdfmake from 'pdfmake'` (esModuleInterop).
declare module 'pdfmake' {
  namespace pdfmake {
    /** A content node; pdfmake's node kinds are many and loosely shaped, so they stay loosely typed here. */
    type ContentNode = { [key: string]: unknown };
    type Content = string | ContentNode | Content[];
    type Margins = number | [number, number] | [number, number, number, number];

    interface PageSize {
      width: number;
      height: number;
    }

    type DynamicContent = (currentPage: number, pageCount: number, pageSize: PageSize) => Content | null | undefined;

    interface Style {
      font?: string;
      fontSize?: number;
      bold?: boolean;
      italics?: boolean;
      color?: string;
      alignment?: 'left' | 'right' | 'center' | 'justify';
      lineHeight?: number;
      margin?: Margins;
    }

    interface DocumentInfo {
      title?: string;
      author?: string;
      subject?: string;
      keywords?: string;
      creator?: string;
      producer?: string;
      creationDate?: Date;
      modDate?: Date;
    }

    interface DocumentDefinition {
      content: Content;
      info?: DocumentInfo;
      language?: string;
      compress?: boolean;
      pageSize?: string | PageSize;
      pageOrientation?: 'portrait' | 'landscape';
      pageMargins?: Margins;
      header?: DynamicContent | Content;
      footer?: DynamicContent | Content;
      /** Name → data URL (or a path allowed by the local access policy). */
      images?: Record<string, string>;
      styles?: Record<string, Style>;
      defaultStyle?: Style;
    }

    interface FontDescriptor {
      normal: string;
      bold: string;
      italics: string;
      bolditalics: string;
    }

    interface OutputDocument {
      getBuffer(): Promise<Buffer>;
    }

    interface PdfMake {
      setFonts(fonts: Record<string, FontDescriptor>): void;
      /** Consulted before every http(s) download of a font or image; anything but `true` refuses it. */
      setUrlAccessPolicy(callback: ((url: string) => boolean) | undefined): void;
      /** Consulted before every local file read (fonts, images, attachments); anything but `true` refuses it. */
      setLocalAccessPolicy(callback: ((path: string) => boolean) | undefined): void;
      createPdf(docDefinition: DocumentDefinition, options?: { fontLayoutCache?: boolean }): OutputDocument;
    }
  }

  const pdfmake: pdfmake.PdfMake;
  export = pdfmake;
}
