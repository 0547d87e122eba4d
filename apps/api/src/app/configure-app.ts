import { constants as zlib } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/errors/validation';
import { API_PREFIX } from './common/http/api-prefix';
import { answerClientErrorsInShape } from './common/http/client-errors';
import { bodyParserErrors, inputGuard } from './common/http/input-guard';
import type { ResolvedConfig } from './config/app-config';
import { buildOpenApiDocument } from './openapi';
import { detectWebAppLayout, webAppHandler } from './web-app/web-app';

export { API_PREFIX };

/** JSON answers smaller than this go out as they are: compressing them costs more than it saves. */
const COMPRESS_ABOVE_BYTES = 1024;
/** Cheap settings (brotli 4, gzip 4): most of the saving for a fraction of the CPU of the maximum. */
const COMPRESSION_LEVEL = 4;

function isJsonAnswer(request: Request, response: Response): boolean {
  const type = String(response.getHeader('Content-Type') ?? '');
  return type.startsWith('application/json') && compression.filter(request, response);
}

/**
 * Everything main.ts and the integration tests share, so tests run the application as deployed,
 * web app included (`webDistDir`: the built web app; nothing is served when it is missing).
 */
export async function configureApp(
  app: INestApplication,
  config: ResolvedConfig,
  webDistDir?: string,
): Promise<void> {
  const express = app as NestExpressApplication;
  express.useLogger(app.get(Logger));
  express.set('trust proxy', config.trustProxy);
  express.disable('x-powered-by');
  // Parsers first, then the input guard, so nothing unreadable reaches a guard, pipe or query.
  // Not strict: `null` or `"text"` parse, and the guard answers that the body must be an object.
  express.useBodyParser('json', { limit: '1mb', strict: false });
  express.useBodyParser('urlencoded', { limit: '1mb', extended: true });
  answerClientErrorsInShape(express.getHttpServer());
  app.use(bodyParserErrors());
  app.use(inputGuard());
  app.use(
    compression({
      threshold: COMPRESS_ABOVE_BYTES,
      level: COMPRESSION_LEVEL,
      brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: COMPRESSION_LEVEL } },
      filter: isJsonAnswer,
    }),
  );
  app.use(
    helmet({
      hsts: config.cookieSecure,
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          mediaSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.cookieSecure ? [] : null,
        },
      },
    }),
  );
  app.use(cookieParser());
  const layout = webDistDir ? detectWebAppLayout(webDistDir) : null;
  if (layout) app.use(webAppHandler(layout));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(await app.resolve(PinoLogger)));

  const document = buildOpenApiDocument(app, API_PREFIX);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
}
