import { ApiParam, ApiPropertyOptions, ApiQuery } from '@nestjs/swagger';

/**
 * The path parameters the API shares, declared once with what they are and an
 * example that exists in the demo data (`npm start`), so that Try-it-out works.
 */
export const ApiTenantSlug = (): MethodDecorator & ClassDecorator =>
  ApiParam({
    name: 'slug',
    description: "The controller's slug (GET /api/v1/tenants lists those the token may act for).",
    // The example inside the schema: @nestjs/swagger drops a parameter's own `example` when a schema is given.
    schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', example: 'medical-management' },
  });

/** A path parameter that is an id (UUID) of a row the path names. */
export const ApiIdParam = (description: string, name = 'id'): MethodDecorator & ClassDecorator =>
  ApiParam({ name, description, schema: { type: 'string', format: 'uuid', example: '3f2b8c1e-6d4a-4e7b-9a51-0c8f2d7e4b19' } });

/** A request's reference, as the subject and the staff see it. */
export const ApiRequestReference = (): MethodDecorator & ClassDecorator =>
  ApiParam({ name: 'reference', description: "The request's reference (GET .../requests lists them).", schema: { type: 'string', pattern: '^R-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$', example: 'R-7KQ2-XM4P' } });

/**
 * A date in a query whose useful example moves with the calendar (a due-before
 * filter, an as-of day): the document is given the day `offsetDays` from the
 * day it is served (see `datedExamples`), never a fixed past date.
 */
export const ApiQueryDay = (name: string, description: string, offsetDays: number, required = false): MethodDecorator =>
  ApiQuery({ name, required, description, schema: { type: 'string', format: 'date', [DAY_OFFSET]: offsetDays } as Record<string, unknown> });

/** The schema extension that marks a date example as relative to today. */
export const DAY_OFFSET = 'x-example-day-offset';

/**
 * A body property that is a date (or date-time) whose example is the day `days`
 * from when the document is served (`datedExamples`), never a fixed day that goes stale.
 */
export const datedProperty = (days: number, more: ApiPropertyOptions = {}, format: 'date' | 'date-time' = 'date-time'): ApiPropertyOptions =>
  ({ type: String, format, ...more, ...({ [DAY_OFFSET]: days } as object) }) as ApiPropertyOptions;
