import { IDENTIFIER_KINDS, IdentifierKind } from './subject-identifier.entity';

/**
 * How subjects are recognised across a tenant's systems: every identifier is
 * stored normalised, so 'Anna.Berzina@Example.LV' from the CRM and
 * 'anna.berzina@example.lv' from the newsletter tool are one person.
 */

export class IdentifierError extends Error {}

/** Country calling codes and national trunk prefixes of the tenants' countries. */
const CALLING: Record<string, { code: string; trunk: string[] }> = {
  EE: { code: '372', trunk: [] },
  LV: { code: '371', trunk: [] },
  // Lithuania moved its trunk prefix from 8 to 0 in 2025; both are still written.
  LT: { code: '370', trunk: ['8', '0'] },
  SE: { code: '46', trunk: ['0'] },
  NO: { code: '47', trunk: [] },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_IDENTIFIER_LENGTH = 320;

export function isIdentifierKind(kind: unknown): kind is IdentifierKind {
  return typeof kind === 'string' && (IDENTIFIER_KINDS as readonly string[]).includes(kind);
}

/** Lower-cased, trimmed e-mail address. */
export function normaliseEmail(value: string): string {
  const v = value.trim().toLowerCase();
  if (!EMAIL.test(v)) throw new IdentifierError('is not an e-mail address');
  return v;
}

/**
 * A phone number as '+' and digits (E.164 shape). Spaces, dashes, dots and
 * brackets are dropped; '00' becomes '+'. A national number (no '+' or '00')
 * gets the tenant's country code, after its trunk prefix is dropped
 * ('070-123 45 67' in Sweden is '+46701234567').
 */
export function normalisePhone(value: string, defaultCountry?: string): string {
  let v = value.trim().replace(/[\s\-().\/]/g, '');
  if (v.startsWith('00')) v = `+${v.slice(2)}`;
  if (!v.startsWith('+')) {
    const c = defaultCountry ? CALLING[defaultCountry] : undefined;
    if (!c) throw new IdentifierError('must be international: +<country code><number>');
    const trunk = c.trunk.find((t) => v.startsWith(t));
    v = `+${c.code}${trunk ? v.slice(trunk.length) : v}`;
  }
  if (!/^\+[1-9]\d{5,14}$/.test(v)) throw new IdentifierError('is not a phone number (6 to 15 digits after +<country code>)');
  return v;
}

/** The stored form of an identifier; throws IdentifierError naming what is wrong. */
export function normaliseIdentifier(kind: IdentifierKind, value: string, defaultCountry?: string): string {
  if (typeof value !== 'string') throw new IdentifierError('must be a string');
  if (value.length > MAX_IDENTIFIER_LENGTH) throw new IdentifierError(`is longer than ${MAX_IDENTIFIER_LENGTH} characters`);
  switch (kind) {
    case 'email':
      return normaliseEmail(value);
    case 'phone':
      return normalisePhone(value, defaultCountry);
    case 'customer-number':
    case 'username': {
      const v = value.trim();
      if (!v) throw new IdentifierError('must not be empty');
      return v;
    }
    default:
      throw new IdentifierError(`unknown identifier kind ${String(kind)} (one of ${IDENTIFIER_KINDS.join(', ')})`);
  }
}

/** A map key for an identifier (kind and normalised value). */
export const identifierKey = (kind: string, value: string): string => `${kind}\u0000${value}`;
