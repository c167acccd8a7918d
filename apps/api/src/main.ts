import 'reflect-metadata';
import { ConfigError, loadApiConfig } from '@regula/platform';
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
}

bootstrap().catch((e: unknown) => {
  process.stderr.write(`regula api: failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
