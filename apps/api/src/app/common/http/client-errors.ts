import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ApiErrorBody } from '@agency-portal/shared';

/** What Node's HTTP parser refuses before any middleware runs, answered in the portal's shape. */
function replyFor(code: string | undefined): { status: number; reason: string; body: ApiErrorBody } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      body: { code: 'validation_failed', message: "The request's address or headers are too large." },
    };
  }
  return {
    status: 400,
    reason: 'Bad Request',
    body: { code: 'validation_failed', message: 'The request is not valid HTTP.' },
  };
}

/**
 * Node answers a request it cannot parse (a 20 kB address, a broken header) with an empty 400 or
 * 431 of its own; this listener answers the same statuses with a `{ code, message }` body.
 */
export function answerClientErrorsInShape(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, reason, body } = replyFor(error.code);
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}
