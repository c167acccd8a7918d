import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { IntField, toInteger } from './int-field';

class Query {
  @IsOptional() @IntField('query', { min: 0 }) offset?: number;
  @IsOptional() @IntField('query', { min: 1, column: 'int8' }) beforeSeq?: number;
}

const messages = (q: Record<string, unknown>) => validateSync(plainToInstance(Query, q)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('IntField', () => {
  it('parses decimal digits only', () => {
    expect(toInteger('42')).toBe(42);
    expect(toInteger(42)).toBe(42);
    for (const bad of ['1e20', '1.5', '0x10', ' 1', '', '99999999999999999999', 1.5, 2 ** 60]) expect(toInteger(bad)).toBeNaN();
  });

  it('refuses what the column cannot hold, naming the field with its location', () => {
    expect(messages({ offset: '0', beforeSeq: '9007199254740991' })).toEqual([]);
    expect(messages({ offset: '2147483648' })).toEqual(['query.offset must not be greater than 2147483647']);
    expect(messages({ offset: '1e20' })).toEqual(['query.offset must be a whole number']);
    expect(messages({ offset: '-1' })).toEqual(['query.offset must not be less than 0']);
    expect(messages({ beforeSeq: '9223372036854775808' })).toEqual(['query.beforeSeq must be a whole number']);
    expect(messages({ beforeSeq: '2147483648' })).toEqual([]);
  });
});
