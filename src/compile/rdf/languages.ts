/**
 * Languages as IRIs of an authority, for `dcterms:language` (whose range is
 * `dcterms:LinguisticSystem`): the EU Publications Office's language authority
 * where the code is listed below (DCAT-AP's vocabulary), otherwise the Library of
 * Congress's ISO 639-1 list, which names every two-letter code.
 */
const EU_LANGUAGE = 'http://publications.europa.eu/resource/authority/language/';
const ISO_639_1 = 'http://id.loc.gov/vocabulary/iso639-1/';

/** ISO 639-1 codes to the EU authority's codes (its ISO 639-2/3 based notation), for the languages most likely here. */
const EU_CODES: Readonly<Record<string, string>> = {
  de: 'DEU',
  en: 'ENG',
  es: 'SPA',
  fr: 'FRA',
  it: 'ITA',
  ja: 'JPN',
  ko: 'KOR',
  nl: 'NLD',
  pt: 'POR',
  zh: 'ZHO',
};

/** The IRI of a BCP 47 tag's language (its primary subtag): `en` → `…/language/ENG`. */
export function languageIri(tag: string): string {
  const primary = tag.split('-')[0]?.toLowerCase() ?? tag;
  const eu = EU_CODES[primary];
  return eu ? EU_LANGUAGE + eu : ISO_639_1 + primary;
}
