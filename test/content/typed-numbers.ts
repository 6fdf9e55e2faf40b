import type { Hotline } from '../../src/core/model.ts';

/** Where a text types a contact that belongs in kitpress.yaml, and what it typed. */
export interface TypedContact {
  found: string;
  why: string;
}

// A North American number in any of its written forms: 1-800-843-5678, (800) 555-0100,
// 800.555.0100, +1 800 555 0100 and the keypad-word form 1-800-CALL-FBI.
const phonePattern = /(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?(?:\d{3}|[A-Z]{3})[\s.-]?(?:\d{4}|[A-Z]{4})(?:-[A-Z]{1,3})?(?![\w-])/g;

/** The digits a number dials, keypad letters included (CALL-FBI: 2255324), without separators. */
function digitsOf(number: string): string {
  return number.toUpperCase().replace(/[A-Z]/g, (c) => '22233344455566677778889999'[c.charCodeAt(0) - 65]!).replace(/\D/g, '');
}

/**
 * Finds phone numbers, text numbers and hotline web addresses typed into a text: any number
 * written like a phone number, any configured number as a word of its own (911, 988, 233733)
 * or with other separators, `tel:` and `sms:` links, and the host of any hotline's web address.
 * Written for this test, apart from the linter in src/core/lint, so each checks the other.
 */
export function typedContacts(text: string, hotlines: readonly Hotline[]): TypedContact[] {
  const found: TypedContact[] = [];
  for (const match of text.matchAll(phonePattern)) found.push({ found: match[0], why: 'a phone number' });
  for (const match of text.matchAll(/\b(?:tel|sms):[^\s)\]]+/gi)) found.push({ found: match[0], why: 'a phone or text link' });
  const numbers = hotlines.flatMap((h) => [h.phone, h.sms]).filter((n): n is string => !!n);
  for (const number of new Set(numbers)) {
    const digits = digitsOf(number);
    // A short number (911, 988) as a word of its own; a long one with any separators at all.
    const pattern = digits.length <= 6 ? new RegExp(`(?<![\\w.-])${digits}(?![\\w-])`, 'g') : new RegExp(digits.split('').join('[\\s().-]*'), 'g');
    for (const match of text.matchAll(pattern)) found.push({ found: match[0], why: `the number of a configured hotline (${number})` });
    if (/[A-Z]/.test(number)) for (const match of text.matchAll(new RegExp(number.replace(/[-\s]/g, '[\\s-]?'), 'gi'))) found.push({ found: match[0], why: `the number of a configured hotline (${number})` });
  }
  for (const hotline of hotlines) {
    if (!hotline.url) continue;
    const host = new URL(hotline.url).host.replace(/^www\./, '');
    if (text.toLowerCase().includes(host.toLowerCase())) found.push({ found: host, why: `the web address of ${hotline.id}` });
  }
  return found;
}
