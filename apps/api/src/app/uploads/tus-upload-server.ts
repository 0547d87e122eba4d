import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { UPLOAD_ENDPOINT } from '@agency-portal/shared';
import {
  EXPOSED_HEADERS,
  MemoryLocker,
  Server,
  type CancellationContext,
  type ServerOptions,
  type Upload,
} from '@tus/server';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { domainErrorReply, internalErrorReply, tusErrorReply, type ErrorReply } from './tus-errors';
import { toStoredMetadata } from './upload-metadata';
import { UPLOAD_ID, UploadTempStore } from './upload-temp-store';
import { UploadPipeline } from './upload-pipeline';

/** The response header of the request that finished an upload: the id of the stored file. */
export const UPLOAD_FILE_ID_HEADER = 'Upload-File-Id';

type TusError = { status_code: number; body: string };

function isTusError(error: unknown): error is TusError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as Partial<TusError>).status_code === 'number' &&
    typeof (error as Partial<TusError>).body === 'string'
  );
}

function actorOf(request: IncomingMessage): Actor {
  const actor = (request as IncomingMessage & { user?: Actor }).user;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to continue.');
  return actor;
}

function correlationIdOf(request: IncomingMessage): string {
  return String((request as IncomingMessage & { id?: string | number }).id ?? '');
}

/**
 * @tus/server with every error answered in the portal's JSON shape: hook errors arrive already
 * mapped (see onResponseError), tus's own plain-text errors are mapped here.
 */
class PortalTusServer extends Server {
  constructor(
    options: ServerOptions & { datastore: UploadTempStore },
    private readonly uploadLimit: number,
  ) {
    super(options);
  }

  override write(
    context: CancellationContext,
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body = '',
    headers: Record<string, string | number> = {},
  ): ServerResponse {
    if (status < 400) return super.write(context, req, res, status, body, headers);
    let json = body;
    if (!body.startsWith('{')) {
      const reply = tusErrorReply(status, body, this.uploadLimit) ?? internalErrorReply(correlationIdOf(req));
      status = reply.status;
      json = JSON.stringify(reply.body);
    }
    return super.write(context, req, res, status, json, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
  }
}

/**
 * The tus endpoint at /api/uploads (creation, creation-with-upload, termination). The Nest
 * controller routes each tus request here after the global guards have authenticated it;
 * @tus/server speaks the protocol, the hooks below apply the portal's rules:
 * - creation: Upload-Length within UPLOAD_MAX_BYTES (413), metadata `deliverableId` and
 *   `filename`, and the actor may upload to that deliverable; all before anything is stored;
 * - HEAD, PATCH, DELETE: only the upload's creator (anyone else gets 404);
 * - the request that completes an upload gets the stored file's id in `Upload-File-Id`.
 */
@Injectable()
export class TusUploadServer {
  private readonly logger = new Logger('Uploads');
  private readonly server: PortalTusServer;
  private readonly uploadLimit: number;

  constructor(
    store: UploadTempStore,
    private readonly pipeline: UploadPipeline,
    @Inject(APP_CONFIG) config: ResolvedConfig,
  ) {
    this.uploadLimit = config.uploadMaxBytes;
    this.server = new PortalTusServer(
      {
        path: UPLOAD_ENDPOINT,
        datastore: store,
        maxSize: config.uploadMaxBytes,
        relativeLocation: true,
        respectForwardedHeaders: false,
        allowedOrigins: [new URL(config.publicUrl).origin],
        disableTerminationForFinishedUploads: true,
        // One process holds an upload's lock; several replicas need sticky routing for /api/uploads.
        locker: new MemoryLocker(),
        namingFunction: () => randomBytes(16).toString('hex'),
        // Our ids only: nothing else can reach the file store (no "..", no slashes).
        getFileIdFromRequest: (_req, lastPath) =>
          lastPath && UPLOAD_ID.test(lastPath) ? lastPath : undefined,
        onUploadCreate: async (req, res, upload) => {
          const metadata = await this.pipeline.prepare(actorOf(req), upload);
          return { res, metadata: toStoredMetadata(metadata) };
        },
        onIncomingRequest: async (req, _res, id) => {
          if (req.method !== 'POST') await this.pipeline.requireOwnUpload(actorOf(req), id);
        },
        onUploadFinish: async (req, res, upload: Upload) => {
          const file = await this.pipeline.complete(actorOf(req), upload);
          return {
            res,
            headers: {
              [UPLOAD_FILE_ID_HEADER]: file.id,
              'Access-Control-Expose-Headers': `${EXPOSED_HEADERS}, ${UPLOAD_FILE_ID_HEADER}`,
            },
          };
        },
        onResponseError: (req, _res, error) => {
          const reply = this.replyFor(req, error);
          return { status_code: reply.status, body: JSON.stringify(reply.body) };
        },
      },
      config.uploadMaxBytes,
    );
  }

  /** Answers one tus request (the caller has authenticated it). */
  async handle(request: Request, response: Response): Promise<void> {
    // No method tunnelling: a POST must not become the tus GET (raw download) or anything else.
    delete request.headers['x-http-method-override'];
    await this.server.handle(request, response);
  }

  private replyFor(req: IncomingMessage, error: unknown): ErrorReply {
    if (error instanceof DomainError) return domainErrorReply(error);
    // tus's own errors we know, whatever their status (its 501 for an unsupported extension is a 400 here).
    if (isTusError(error)) {
      const reply = tusErrorReply(error.status_code, error.body, this.uploadLimit);
      if (reply) return reply;
    }
    const correlationId = correlationIdOf(req);
    this.logger.error({ err: error, correlationId }, 'Upload failed');
    return internalErrorReply(correlationId);
  }
}
