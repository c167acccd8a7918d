import { HttpException, HttpStatus } from '@nestjs/common';

/** The dashboard's page where a user changes their own password. */
export const PASSWORD_PAGE = '/admin/account/password';

/**
 * A signed-in user whose account still has its one-time password (an
 * invite) opened another page: the exception filter sends them to the
 * password page, which explains why.
 */
export class AdminPasswordChangeRequired extends HttpException {
  constructor() {
    super('password change required', HttpStatus.FORBIDDEN);
  }
}
