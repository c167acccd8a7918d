import { ControllerDefinition } from './schema/controller';

/** Identity function that type-checks a tenant definition where it is written. */
export function defineController(definition: ControllerDefinition): ControllerDefinition {
  return definition;
}
