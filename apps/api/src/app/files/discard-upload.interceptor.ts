import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, type Observable } from 'rxjs';
import { FilesService } from './files.service';
import type { UploadedFile } from './upload';

/**
 * Runs after the upload interceptor: if anything later fails (a bad id, a refused state), the
 * bytes already streamed into storage are removed, so a failed request leaves nothing behind.
 */
@Injectable()
export class DiscardUploadOnErrorInterceptor implements NestInterceptor {
  constructor(private readonly files: FilesService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { file?: UploadedFile }>();
    return next.handle().pipe(
      catchError(async (error: unknown) => {
        await this.files.discard(request.file?.received);
        throw error;
      }),
    );
  }
}
