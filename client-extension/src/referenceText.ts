// The text "Insert paper reference…" puts at the cursor. Pure.
import type { PaperSearchItem } from './protocol';

/**
 * `[[Title]]` when the title can be written as a title reference (it ends at the first `]]` or `|`
 * and cannot span lines); otherwise the key reference, `@key` or `@{key}` when pandoc's key rules
 * would cut the key short.
 */
export function referenceText(item: PaperSearchItem): string {
  const title = item.title.replace(/\s+/g, ' ').trim();
  if (title !== '' && !title.includes(']]') && !title.includes('|') && !title.endsWith(']')) {
    return `[[${title}]]`;
  }
  return isPlainKey(item.key) ? `@${item.key}` : `@{${item.key}}`;
}

/** A key that pandoc reads whole after `@`: starts with a letter, digit or `_`; internal punctuation only before a letter or digit. */
export function isPlainKey(key: string): boolean {
  return /^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}]))*$/u.test(key);
}
