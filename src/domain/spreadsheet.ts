/**
 * CSV injection (OWASP): a spreadsheet reads a cell starting with `=`, `+`,
 * `-` or `@` as a formula, and a leading tab or carriage return can hide one.
 * Such a cell is written with a single quote first, which spreadsheets take
 * to mean "text".
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
