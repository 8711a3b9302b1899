/** Counting words people type instead of digits, up to the most scenes or years a story asks about. */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, single: 1, two: 2, couple: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50,
};

/** The regex alternative that matches a number as digits or words ("5", "five", "twenty-one"). */
export const NUMBER_PATTERN = `(?:\\d{1,3}|(?:twenty|thirty|forty)[- ](?:one|two|three|four|five|six|seven|eight|nine)|${Object.keys(NUMBER_WORDS)
  .filter((word) => word !== 'a' && word !== 'an')
  .sort((x, y) => y.length - x.length)
  .join('|')})`;

/** "5", "five", "twenty-one" → the number; anything else → null. */
export function readNumber(text: string): number | null {
  const word = text.trim().toLowerCase();
  if (/^\d+$/.test(word)) return Number(word);
  const compound = /^(twenty|thirty|forty)[- ](\w+)$/.exec(word);
  if (compound) {
    const tens = NUMBER_WORDS[compound[1]!];
    const ones = NUMBER_WORDS[compound[2]!];
    return tens !== undefined && ones !== undefined && ones < 10 ? tens + ones : null;
  }
  return NUMBER_WORDS[word] ?? null;
}
