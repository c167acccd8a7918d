import { ApiExtension } from '@nestjs/swagger';

/** The document's mark for an operation that takes no request body (a POST that only acts), so a forgotten body is told apart. */
export const NO_BODY = 'x-no-request-body';
export const ApiNoBody = (): MethodDecorator => ApiExtension(NO_BODY, true);
