import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, containsPersonalIdentityCode } from './personal-identity-code';

describe('personal identity codes in free text', () => {
  it('when a text contains a valid code, then it is found, in any letter case and any century', () => {
    expect(containsPersonalIdentityCode('Asiakas 131052-308T tulee klo 10')).toBe(true);
    expect(containsPersonalIdentityCode('asiakas 131052-308t')).toBe(true);
    expect(containsPersonalIdentityCode('010101A123N')).toBe(true);
    expect(containsPersonalIdentityCode('Kaisa (131052Y308T)')).toBe(true);
  });

  it('when the check character does not match, then the text passes', () => {
    expect(containsPersonalIdentityCode('131052-308A')).toBe(false);
  });

  it('when the date does not exist, then the text passes', () => {
    const digits = '310252';
    expect(containsPersonalIdentityCode(`${digits}-308${checkCharacter(digits, '308')}`)).toBe(false);
  });

  it('when numbers merely look alike (phone, order number, pseudonym), then the text passes', () => {
    expect(containsPersonalIdentityCode('+358 40 123 4567')).toBe(false);
    expect(containsPersonalIdentityCode('A-17')).toBe(false);
    expect(containsPersonalIdentityCode('tilaus 2026-11-23 klo 10:00')).toBe(false);
    expect(containsPersonalIdentityCode('x131052-308Tx')).toBe(false);
  });

  it('property: every valid code is found wherever it stands in a text', () => {
    const code = fc
      .record({
        date: fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        individual: fc.integer({ min: 2, max: 999 }),
      })
      .map(({ date, individual }) => {
        const digits =
          String(date.getUTCDate()).padStart(2, '0') +
          String(date.getUTCMonth() + 1).padStart(2, '0') +
          String(date.getUTCFullYear() % 100).padStart(2, '0');
        const sign = date.getUTCFullYear() >= 2000 ? 'A' : '-';
        const number = String(individual).padStart(3, '0');
        return `${digits}${sign}${number}${checkCharacter(digits, number)}`;
      });
    fc.assert(
      fc.property(code, fc.string(), fc.string(), (c, before, after) => {
        expect(containsPersonalIdentityCode(`${before} ${c} ${after}`)).toBe(true);
      }),
    );
  });

  it('property: changing the check character of a code hides it from the detector', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 899 }), fc.integer({ min: 0, max: 30 }), (individual, wrong) => {
        const number = String(individual).padStart(3, '0');
        const right = checkCharacter('150685', number);
        const other = '0123456789ABCDEFHJKLMNPRSTUVWXY'[wrong]!;
        fc.pre(other !== right);
        expect(containsPersonalIdentityCode(`150685-${number}${other}`)).toBe(false);
      }),
    );
  });
});
