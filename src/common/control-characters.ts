/**
 * Control characters no text of ours may contain: NUL (PostgreSQL refuses it in text) and the other
 * C0 controls and DEL, except tab, line feed and carriage return, which multi-line fields use.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const hasControlCharacter = (text: string): boolean => CONTROL_CHARACTER.test(text);
