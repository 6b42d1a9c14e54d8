/** Reasons come from the backend in both languages; the UI picks the one it shows. */
export function reasonText(words: { pt: string; en: string }, language: string): string {
  return language.startsWith('pt') ? words.pt : words.en;
}
