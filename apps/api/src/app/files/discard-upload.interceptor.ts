import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
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

/**
 * The route takes one file in the multipart field `file`, streamed into storage (the module's
 * multer storage engine) and removed again if the request then fails; described so in OpenAPI.
 */
export function UploadsFile(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(FileInterceptor('file'), DiscardUploadOnErrorInterceptor),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' } },
      },
    }),
  );
}
