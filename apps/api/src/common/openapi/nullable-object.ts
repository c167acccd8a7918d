import { ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';

/**
 * A property that holds an object of `model` or null. `type: () => X, nullable: true`
 * gives `nullable` beside an `allOf` reference, which a JSON Schema validator still
 * refuses for null (the referenced schema is not nullable); the second branch admits
 * null. No `nullable` on the property itself: @nestjs/swagger drops its `type` beside
 * `anyOf`, and `nullable` without a `type` is not a valid schema (Ajv refuses to compile it).
 * The model must be in the document (`@ApiExtraModels` unless referenced elsewhere).
 */
export function nullableObject(model: Function, options: ApiPropertyOptions = {}): ApiPropertyOptions {
  return {
    ...options,
    anyOf: [{ $ref: getSchemaPath(model) }, { type: 'string', nullable: true, enum: [null] }],
  } as ApiPropertyOptions;
}
