import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@app/config';
import { trustProxySetting } from '@app/http';
import { PROXY_MOUNT, serviceProxy } from './proxy/service-proxy';
import { spaAssets } from './spa/spa-assets';
import { WebConfig } from './web.config';
import { WebModule } from './web.module';

/** Serves the 一门进出 SPA on one origin and proxies `/svc/<service>/…` to the services. */
async function start(): Promise<void> {
  const config = loadConfig(WebConfig);
  // No body parsing: the proxy streams request bodies through untouched.
  const app = await NestFactory.create<NestExpressApplication>(WebModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.use(
    PROXY_MOUNT,
    serviceProxy({ intake: config.INTAKE_URL, router: config.ROUTER_URL, tracking: config.TRACKING_URL }),
  );
  // Offices often serve the app over plain http on the intranet: no upgrade of its requests to https.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
      },
      strictTransportSecurity: false,
    }),
  );
  app.use(...spaAssets(config.WEB_ROOT ?? join(__dirname, '..', 'public')));
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`web listening on http://${config.HOST}:${config.PORT}`);
}

start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
