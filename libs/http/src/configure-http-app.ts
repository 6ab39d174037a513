import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { installBodyParsers, type RouteBodyLimit } from './body-parsing';
import { ErrorFilter } from './error.filter';
import { RejectControlCharactersPipe } from './control-characters.pipe';
import { createValidationPipe } from './validation.pipe';
import { installHttpEdge, type HttpEdgeOptions } from './http-edge';

export interface HttpAppOptions extends HttpEdgeOptions {
  title: string;
  description: string;
  bodyLimit: string;
  /** Tighter or looser limits under some path prefixes (see RouteBodyLimit). */
  routeBodyLimits?: readonly RouteBodyLimit[];
}

/**
 * Everything every service's HTTP side shares: CORS for the configured origins, security headers, body
 * limits, the error shape, validation and OpenAPI docs at /api/docs (JSON at /api/docs-json).
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  installHttpEdge(app, options);
  app.use(helmet());
  installBodyParsers(app, options.bodyLimit, options.routeBodyLimits);
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(new RejectControlCharactersPipe(), createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Yimen-Signature' }, 'hmac')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}
