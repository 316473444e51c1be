/**
 * How fu compares names, companies and emails whatever their case, in every
 * script: one pure function, used by the domain (did you mean, possible
 * duplicates, import matching) and by the store, which keeps each contact's
 * keys in indexed columns so that finding one stays an index lookup. It lives
 * beside errors.ts, outside the layers, because both must fold alike and the
 * store may not call domain behaviour.
 */

/**
 * Unicode case folding, near enough for names: NFC first, so that a letter
 * typed composed (é) or decomposed (e + ´) is the same letter; then
 * `toLowerCase()`, the Unicode default lowercase mapping, the same on every
 * machine (`toLocaleLowerCase` would follow the locale: Turkish would then fold
 * I to dotless ı, and `'und'` gives the default anyway); then the two full
 * foldings lowercase leaves out that a seller types: ß (and ẞ) fold to "ss",
 * so "Strasse" finds "Straße", and the final sigma ς to σ, so a Greek word
 * matches wherever it ends.
 */
export function foldCase(text: string): string {
  // Plain ASCII, most names, is already NFC and holds neither ß nor ς: lowercase is the whole fold, and several times faster.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFC').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}

const ASCII = /^[\x00-\x7f]*$/;

/** The key a name, a company or an email is found by: trimmed, runs of white space as one space, case folded. */
export function textKey(text: string): string {
  return foldCase(text.trim().replace(/\s+/g, ' '));
}

/**
 * Where each word of a key starts, as the rest of the key from that word on
 * ("lena novak", "novak"): a word starts the key or follows a space or a
 * hyphen. A text starts a word of the key when it starts one of these.
 */
export function wordStarts(key: string): string[] {
  const starts = key === '' ? [] : [key];
  for (let i = 1; i < key.length; i++) if (isSeparator(key[i - 1]!) && !isSeparator(key[i]!)) starts.push(key.slice(i));
  return starts;
}

const isSeparator = (c: string) => c === ' ' || c === '-';

/** Every word start of a contact's name key and company key, once each (the rows of contact_words, migration 009). */
export function wordsOf(nameKey: string, companyKey: string | null): string[] {
  return [...new Set([...wordStarts(nameKey), ...wordStarts(companyKey ?? '')])];
}
