import 'reflect-metadata';
import { ConfigError, loadApiConfig, signalReady } from '@regula/platform';
import { createApp, apiLogger } from './create-app';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadApiConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`regula api: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  apiLogger.log(`listening on http://${config.HOST}:${config.PORT} (OpenAPI at /api/docs)`);
  signalReady();
}

/** Exit code when a port the API binds (PORT, INTAKE_SMTP_PORT) is taken: `npm start` then retries on another intake port. */
const PORT_IN_USE = 98;

bootstrap().catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException & { port?: number; address?: string };
  if (err && err.code === 'EADDRINUSE') {
    process.stderr.write(`regula api: port ${err.port ?? '?'} on ${err.address ?? '?'} is in use\n`);
    process.exit(PORT_IN_USE);
  }
  process.stderr.write(`regula api: failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
