import { ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';

/**
 * A property that holds either an object of `model` or null. `nullable` beside
 * an `allOf` reference (what `type: () => X, nullable: true` gives) still
 * refuses null in a JSON Schema validator, because the referenced schema itself
 * is not nullable; here the second branch admits null explicitly (a `nullable`
 * without a `type` beside the `anyOf` would be ignored by OpenAPI 3.0 and
 * refused by a validator). The model must be registered (`@ApiExtraModels` on
 * the controller) unless referenced elsewhere.
 */
export function nullableObject(model: Function, options: ApiPropertyOptions = {}): ApiPropertyOptions {
  return {
    ...options,
    anyOf: [{ $ref: getSchemaPath(model) }, { type: 'string', nullable: true, enum: [null] }],
  } as ApiPropertyOptions;
}
