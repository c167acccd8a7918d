import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments } from 'class-validator';

/** What a PostgreSQL `integer` column holds. */
export const INT4 = { min: -2_147_483_648, max: 2_147_483_647 } as const;
/**
 * What a `bigint` column holds and a JS number keeps exactly: beyond 2^53 two
 * different sequence numbers would read as the same number.
 */
export const INT8 = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER } as const;

export type FieldLocation = 'params' | 'query' | 'body';

/**
 * A whole number from a parameter or body: decimal digits only (no `1e20`,
 * `1.5`, `0x10`, blanks) or a JSON number that is a safe integer; anything
 * else is NaN, which no range accepts.
 */
export function toInteger(v: unknown): number {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : NaN;
  if (typeof v !== 'string' || !/^-?\d{1,20}$/.test(v)) return NaN;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : NaN;
}

export interface IntRange {
  min: number;
  max: number;
}

/** Why `n` is not in `range`, named `field` (null when it is). */
export function integerProblem(n: number, field: string, range: IntRange): string | null {
  if (!Number.isSafeInteger(n)) return `${field} must be a whole number`;
  if (n < range.min) return `${field} must not be less than ${range.min}`;
  if (n > range.max) return `${field} must not be greater than ${range.max}`;
  return null;
}

/**
 * The one check of integer parameters and body fields: a DTO property parsed
 * by toInteger and refused (400 naming `query.offset`, `params.number`...)
 * outside [min, max]. `max` defaults to what the column holds (INT4 unless
 * `column: 'int8'`), so no number reaches the database that it would refuse.
 */
export function IntField(where: FieldLocation, opts: { min?: number; max?: number; column?: 'int4' | 'int8' } = {}): PropertyDecorator {
  const column = opts.column === 'int8' ? INT8 : INT4;
  const range: IntRange = { min: Math.max(opts.min ?? column.min, column.min), max: Math.min(opts.max ?? column.max, column.max) };
  return applyDecorators(
    Transform(({ value }) => (value === undefined || value === null ? value : toInteger(value))),
    ValidateBy({
      name: 'intField',
      validator: {
        validate: (v: unknown) => typeof v === 'number' && integerProblem(v, '', range) === null,
        defaultMessage: (args?: ValidationArguments) => integerProblem(args?.value as number, `${where}.${args?.property}`, range) ?? '',
      },
    }),
  );
}
