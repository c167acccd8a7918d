import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { AddressInfo } from 'node:net';
import path from 'node:path';

@Controller()
class HelloController {
  @Get('hello')
  hello(): string {
    return 'hello';
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

/** A bare NestJS app answering GET /hello: the baseline the HTTP benches measure beside Regula, in the same run. */
export function helloApp(): Promise<INestApplication> {
  return NestFactory.create(HelloModule, { logger: false });
}

/** Listens on a free port of 127.0.0.1; the app's base URL. */
export async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** `regula <args>` as npm start runs it (the demo's confirmations, the first policies). */
export function regula(...args: string[]): void {
  const r = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'regula.js'), ...args], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error(`regula ${args.join(' ')} failed (${r.status ?? r.signal})`);
}
