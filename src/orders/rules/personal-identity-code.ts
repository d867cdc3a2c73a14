/**
 * Finnish personal identity codes (henkilötunnus) in free text. The platform never needs a
 * client's identity (DOMAIN.md), so a text that carries one is refused rather than stored: a
 * professional who pastes a note with "A-17, 131052-308T" must not leave the code in our tables.
 *
 * Shape: DDMMYY, a century sign, a three-digit individual number and a check character, the
 * remainder of the nine digits divided by 31 mapped to 0-9 and 21 letters. Only a string whose
 * date exists and whose check character matches counts, so order numbers and phone numbers that
 * merely look alike pass.
 */

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
/** 1800s: +; 1900s: - and U-Y (2023 reform); 2000s: A-F. */
const CENTURY: Record<string, number> = {
  '+': 1800,
  '-': 1900,
  U: 1900,
  V: 1900,
  W: 1900,
  X: 1900,
  Y: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

const CANDIDATE = /(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![0-9A-Za-z])/gi;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The check character of a code with these digits (DDMMYY + individual number). */
export function checkCharacter(dateDigits: string, individualNumber: string): string {
  return CHECK_CHARACTERS[Number(dateDigits + individualNumber) % 31]!;
}

/** Whether `text` contains a valid Finnish personal identity code (any letter case). */
export function containsPersonalIdentityCode(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    const [, dd, mm, yy, sign, individual, check] = match as unknown as string[];
    const century = CENTURY[sign!.toUpperCase()];
    if (century === undefined) continue;
    if (!isRealDate(century + Number(yy), Number(mm), Number(dd))) continue;
    // Individual numbers 002-899 are given to people; 900-999 are temporary codes, still personal.
    if (Number(individual) < 2) continue;
    if (checkCharacter(dd! + mm! + yy!, individual!) === check!.toUpperCase()) return true;
  }
  return false;
}
