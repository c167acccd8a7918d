import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { BadText, badTextMessage, findBadText } from './bad-text';
import { InvalidInput } from './invalid-input.exception';

/** The first unstorable string among a request's route parameters, query and (parsed) body. */
export function findBadInput(req: Pick<Request, 'params' | 'query' | 'body'>): BadText | null {
  return findBadText(req.params, 'params') ?? findBadText(req.query, 'query') ?? findBadText(req.body, 'body');
}

export const invalidInputOf = (bad: BadText) => new InvalidInput(bad.field, badTextMessage(bad));

/**
 * The input-hygiene layer of every route (installed globally in create-app.ts):
 * a global guard runs before every other guard, so no tenant lookup, rate
 * limiter or sign-in sees a NUL or a lone surrogate, and the 400 goes through
 * the route's own exception filter (a page answers as a page, in its language).
 * Multipart bodies are parsed later, by multer: CheckedFileInterceptor checks
 * their text fields the same way.
 */
@Injectable()
export class InputHygieneGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const bad = findBadInput(ctx.switchToHttp().getRequest<Request>());
    if (bad) throw invalidInputOf(bad);
    return true;
  }
}

/**
 * The same check for plain Express routers mounted outside Nest's routing (the
 * queue board): route parameters are not known there, so the decoded path is
 * checked as `path`.
 */
export function inputHygieneMiddleware(onBad: (req: Request, res: Response, error: InvalidInput) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      path = req.path;
    }
    const bad = findBadText(path, 'path') ?? findBadInput({ params: {}, query: req.query, body: req.body });
    if (bad) onBad(req, res, invalidInputOf(bad));
    else next();
  };
}
