/** A noun with its indefinite article: "a country", "an organisation", "a uri" (said "you-are-eye"). */
export function withArticle(noun: string): string {
  return `${/^(?:[aeio]|u(?!r|n[ie]|s[ae]))/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
