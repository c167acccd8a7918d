import { defineController } from '@regula/engine';
import { definition as medicalManagement } from './controller';

/** Medical Management OÜ (brand Baltic Lasers): the client portal's controller definition. */
export const definition = defineController(medicalManagement);
