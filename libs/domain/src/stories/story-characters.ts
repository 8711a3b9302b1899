/** A character as the setup names them: "Ada Finch, a young telegraph operator". */
export interface StoryCharacter {
  /** As written: "Ada Finch", "Inspector Rook". */
  name: string;
  /** How prose refers to them after the first mention: "Ada", "Inspector Rook". */
  shortName: string;
  /** What the setup says about them ("a young telegraph operator"), or ''. */
  description: string;
  /** Only when the setup makes it clear; otherwise prose keeps using the name. */
  pronoun: 'she' | 'he' | null;
}

const TITLES = new Set(['Inspector', 'Detective', 'Captain', 'Doctor', 'Dr', 'Dr.', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Professor', 'Lady', 'Lord', 'Sir', 'Dame', 'King', 'Queen', 'Prince', 'Princess', 'Sister', 'Brother', 'Father', 'Mother', 'Aunt', 'Uncle', 'Old', 'Madame', 'Sergeant', 'Officer', 'Constable', 'Commander', 'Agent', 'General', 'Colonel', 'Major', 'Count', 'Countess', 'Duke', 'Duchess', 'Baron', 'Baroness', 'Grandma', 'Grandpa']);
const SHE_TITLES = new Set(['Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Lady', 'Dame', 'Queen', 'Princess', 'Sister', 'Mother', 'Aunt', 'Madame', 'Countess', 'Duchess', 'Baroness', 'Grandma']);
const HE_TITLES = new Set(['Mr', 'Mr.', 'Lord', 'Sir', 'King', 'Prince', 'Brother', 'Father', 'Uncle', 'Count', 'Duke', 'Baron', 'Grandpa']);
const SHE_WORDS = /\b(?:she|her|hers|woman|girl|lady|mother|daughter|sister|wife|widow|queen|princess|aunt|grandmother|niece|actress|heroine|witch|mom|mum|duchess|nun|maid|waitress)\b/i;
const HE_WORDS = /\b(?:he|him|his|man|boy|gentleman|father|son|brother|husband|widower|king|prince|uncle|grandfather|nephew|actor|hero|wizard|dad|duke|monk|lad)\b/i;
const SHE_NAMES = new Set('Ada Alice Amelia Anna Beatrice Clara Cleo Daisy Edith Eleanor Eliza Elizabeth Ella Emma Esme Eva Grace Hannah Harriet Iris Isla Ivy Jane June Lena Lily Lucy Mara Maria Maud Mia Nell Nora Olive Rose Ruby Sara Sophie Vera Violet Wren Zoe Ava Mila Freya Luna Margaret Mary Agnes'.split(' '));
const HE_NAMES = new Set('Adam Albert Arthur Ben Bram Charles Daniel David Edward Elias Felix Finn George Harry Henry Hugo Jack Jacob James John Jonah Leo Liam Louis Marcus Max Noah Oliver Oscar Owen Peter Sam Samuel Theo Thomas Tom Walter William Kai Ezra Silas Jasper Milo'.split(' '));
const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'da', 'di', 'du', 'le', 'la', 'of', 'the']);

/**
 * Reads the setup's characters: entries separated by semicolons, new lines or
 * bullets ("Ada, a clockmaker; Bram, her rival"), or a plain comma list of
 * names ("Ada, Bram, Cleo"). Names are kept as the author wrote them.
 */
export function parseCharacters(text: string): StoryCharacter[] {
  const entries = text
    .split(/[;\n]+/)
    .map((entry) => entry.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((entry) => entry.length > 0);
  const characters: StoryCharacter[] = [];
  for (const entry of entries) {
    const parts = entry.split(/\s*,\s*/).filter(Boolean);
    if (parts.length > 1 && parts.every(isNameOnly)) {
      for (const part of parts) characters.push(character(part, ''));
      continue;
    }
    const split = /^(.*?)(?:\s*[,:(–—]\s*|\s+-\s+|\s+(?=(?:the|a|an|who|is|was)\s))(.*)$/u.exec(entry);
    let name = split ? split[1]!.trim() : entry;
    let description = split ? split[2]!.replace(/\)\s*$/, '').trim() : '';
    if (!isNameOnly(name)) {
      // "Ada the clockmaker": the leading capitalised words are the name.
      const words = entry.split(/\s+/);
      const lead: string[] = [];
      for (const word of words) {
        if (CAPITALISED.test(word) && lead.length < 4) lead.push(word.replace(/[,:;]$/, ''));
        else break;
      }
      const named = /\b(?:named|called)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)/u.exec(entry);
      if (lead.length === 0 && named) {
        const found = named[1]!;
        if (!characters.some((c) => c.name === found)) characters.push(character(found, entry.slice(0, named.index).replace(/[\s,]+$/, '')));
        continue;
      }
      if (lead.length === 0) continue;
      name = lead.join(' ');
      description = entry.slice(entry.indexOf(lead[lead.length - 1]!) + lead[lead.length - 1]!.length).replace(/^[\s,:–—-]+/, '').trim();
    }
    if (name && !characters.some((c) => c.name === name)) characters.push(character(name, description));
  }
  return characters;
}

function isNameOnly(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words.length > 4) return false;
  return CAPITALISED.test(words[0]!) && words.every((w) => CAPITALISED.test(w) || PARTICLES.has(w));
}

function character(name: string, description: string): StoryCharacter {
  const words = name.split(/\s+/);
  const first = words[0]!;
  const titled = TITLES.has(first) && words.length > 1;
  const shortName = titled ? `${first} ${words[words.length - 1]}` : first;
  let pronoun: StoryCharacter['pronoun'] = null;
  if (titled && SHE_TITLES.has(first)) pronoun = 'she';
  else if (titled && HE_TITLES.has(first)) pronoun = 'he';
  else if (SHE_WORDS.test(description) && !HE_WORDS.test(description)) pronoun = 'she';
  else if (HE_WORDS.test(description) && !SHE_WORDS.test(description)) pronoun = 'he';
  else if (!titled && SHE_NAMES.has(first)) pronoun = 'she';
  else if (!titled && HE_NAMES.has(first)) pronoun = 'he';
  return { name, shortName, description: description.replace(/[.;]+$/, ''), pronoun };
}
