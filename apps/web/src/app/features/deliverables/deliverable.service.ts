import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CommentDto,
  CommentListQuery,
  CreateCommentRequest,
  CreateDerivedDeliverableRequest,
  DecideRequest,
  DeliverableDetailDto,
  DeliverableListQuery,
  DeliverableSummaryDto,
  FileStreamLinkDto,
  Page,
  RenditionKind,
  PublishDeliverableRequest,
  RequestedChangesDto,
  SubmitVersionRequest,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { readableBlobErrors } from '../../core/http/blob-error';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

function deliverableUrl(id: string, action = ''): string {
  return `/api/deliverables/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

/**
 * /api/deliverables, their versions' comments and file contents. Reads, form saves and decisions
 * (whose conflicts the page explains) report errors inline; resolving comments relies on the snackbar.
 */
@Injectable({ providedIn: 'root' })
export class DeliverableService {
  private readonly http = inject(HttpClient);

  /** `awaitingMe: true` is the caller's review queue. */
  list(query: DeliverableListQuery = {}): Observable<Page<DeliverableSummaryDto>> {
    return this.http.get<Page<DeliverableSummaryDto>>('/api/deliverables', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  get(id: string): Observable<DeliverableDetailDto> {
    return this.http.get<DeliverableDetailDto>(deliverableUrl(id), { context: silentErrors() });
  }

  /** A cut-down of this (master) deliverable for another channel. */
  createDerivative(id: string, request: CreateDerivedDeliverableRequest): Observable<DeliverableDetailDto> {
    return this.http.post<DeliverableDetailDto>(deliverableUrl(id, 'derivatives'), request, {
      context: silentErrors(),
    });
  }

  submitVersion(id: string, request: SubmitVersionRequest): Observable<DeliverableDetailDto> {
    return this.http.post<DeliverableDetailDto>(deliverableUrl(id, 'versions'), request, {
      context: silentErrors(),
    });
  }

  decide(id: string, request: DecideRequest): Observable<DeliverableDetailDto> {
    return this.http.post<DeliverableDetailDto>(deliverableUrl(id, 'decisions'), request, {
      context: silentErrors(),
    });
  }

  publish(id: string, request: PublishDeliverableRequest): Observable<DeliverableDetailDto> {
    return this.http.post<DeliverableDetailDto>(deliverableUrl(id, 'publish'), request, {
      context: silentErrors(),
    });
  }

  /** The changes asked for: "request changes" decisions, newest first, with their versions' open comments. */
  requestedChanges(id: string): Observable<RequestedChangesDto> {
    return this.http.get<RequestedChangesDto>(deliverableUrl(id, 'requested-changes'), {
      context: silentErrors(),
    });
  }

  /** A version's comment threads, oldest first, one page at a time. */
  comments(versionId: string, query: CommentListQuery = {}): Observable<Page<CommentDto>> {
    return this.http.get<Page<CommentDto>>(`/api/versions/${encodeURIComponent(versionId)}/comments`, {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  addComment(versionId: string, request: CreateCommentRequest): Observable<CommentDto> {
    return this.http.post<CommentDto>(`/api/versions/${encodeURIComponent(versionId)}/comments`, request, {
      context: silentErrors(),
    });
  }

  resolveComment(id: string): Observable<CommentDto> {
    return this.http.post<CommentDto>(`/api/comments/${encodeURIComponent(id)}/resolve`, null);
  }

  reopenComment(id: string): Observable<CommentDto> {
    return this.http.post<CommentDto>(`/api/comments/${encodeURIComponent(id)}/unresolve`, null);
  }

  /**
   * A stored file's bytes; fetched with the access token, so previews use an object URL of the blob.
   * `download` asks the server to send it as an attachment.
   */
  fileContent(fileId: string, download = false): Observable<Blob> {
    const params = download ? new HttpParams().set('download', 'true') : undefined;
    return this.http
      .get(`/api/files/${encodeURIComponent(fileId)}/content`, {
        params,
        responseType: 'blob',
        context: silentErrors(),
      })
      .pipe(readableBlobErrors());
  }

  /** A smaller copy made on the server: an image's web-sized preview, a video's poster frame. */
  fileRendition(fileId: string, kind: RenditionKind): Observable<Blob> {
    return this.http
      .get(`/api/files/${encodeURIComponent(fileId)}/renditions/${kind}`, {
        responseType: 'blob',
        context: silentErrors(),
      })
      .pipe(readableBlobErrors());
  }

  /** A link a video element plays directly, asking the server for byte ranges as it seeks. */
  streamLink(fileId: string): Observable<FileStreamLinkDto> {
    return this.http.post<FileStreamLinkDto>(`/api/files/${encodeURIComponent(fileId)}/stream-links`, null, {
      context: silentErrors(),
    });
  }
}
