/**
 * The built-in gazetteer of states, derived from the `world-countries` data package:
 * common and official names, English demonyms (and their plurals), capitals and
 * alternative spellings. Nothing here is typed by hand; only the derivation rules are.
 */
import worldCountries, { type Country } from 'world-countries';
import type { ActorSpec } from '../schema/types.js';

let cache: ActorSpec[] | undefined;

// The package is CommonJS typed as an ES default export: under Node's ESM loader the default
// import is the array itself, under a bundler it is `{ default: array }`.
const countries: Country[] = Array.isArray(worldCountries) ? worldCountries : (worldCountries).default;

// "Republic of Turkey" → "Turkey", "Sultanate of Oman" → "Oman": the short English name
// some states are best known by, when the data's common name is another one (Türkiye).
const STYLE_OF_STATE = /^(?:Republic|State|Kingdom|Sultanate|Emirate|Principality|Commonwealth|Federation|Union) of (?:the )?([A-Z][\p{L}]+)$/u;

export function gazetteerActors(): ActorSpec[] {
  if (cache) return cache;
  const states = countries.filter((country) => country.independent || country.unMember || country.status === 'user-assigned' || country.cca3 === 'PSE' || country.cca3 === 'TWN');
  const primary = new Map<string, string>();
  const entries = states.map((country) => {
    const demonyms = [country.demonyms?.eng?.m, country.demonyms?.eng?.f].filter((value): value is string => Boolean(value));
    const names = new Set<string>([
      country.name.common,
      country.name.official,
      ...demonyms,
      ...demonyms.filter((demonym) => /[ni]$/.test(demonym)).map((demonym) => demonym + 's'),
      ...country.capital,
      ...country.capital.map((capital) => capital.replace(/,?\s+D\.C\.$/, '')),
      // “Sana'a” is often written “Sanaa”.
      ...country.capital.filter((capital) => /\p{L}'\p{L}/u.test(capital)).map((capital) => capital.replace("'", '')),
      ...country.altSpellings.filter(isUsableSpelling),
      // “Great Britain” is “Britain” as often.
      ...country.altSpellings.filter((spelling) => /^Great \p{Lu}\p{L}+$/u.test(spelling)).map((spelling) => spelling.slice('Great '.length)),
    ]);
    for (const name of names) if (!primary.has(name)) primary.set(name, country.name.common);
    return { country, names };
  });
  const derivedOwners = new Map<string, string[]>();
  for (const { country } of entries) {
    for (const spelling of country.altSpellings) {
      const short = STYLE_OF_STATE.exec(spelling)?.[1];
      if (short && !primary.has(short)) derivedOwners.set(short, [...(derivedOwners.get(short) ?? []), country.name.common]);
    }
  }
  const actors = entries.map(({ country, names }) => {
    let name = country.name.common;
    for (const [short, owners] of derivedOwners) {
      if (owners.length !== 1 || owners[0] !== country.name.common) continue;
      names.add(short);
      // English prose knows Türkiye as Turkey: prefer the plain-Latin short name for display.
      if (/[^\x20-\x7e]/.test(name) && /^[A-Za-z]+$/.test(short)) name = short;
    }
    names.delete(name);
    return { name, aliases: [...names] };
  });
  cache = actors;
  return actors;
}

/**
 * Alternative spellings worth matching in English prose: Latin script only, and no two-letter
 * ISO code (`IN`, `IT` are words); a two-letter abbreviation that is no code (`UK`) stays.
 */
function isUsableSpelling(spelling: string): boolean {
  if (/^[A-Z]{2}$/.test(spelling) && isoCodes().has(spelling)) return false;
  if (spelling.includes(',')) return false;
  return /^[\p{Script=Latin}\s.'’-]+$/u.test(spelling);
}

let codes: Set<string> | undefined;

/** The two-letter ISO codes of all countries. */
function isoCodes(): Set<string> {
  codes ??= new Set(countries.map((country) => country.cca2));
  return codes;
}
