import type { BriefDetailDto, NotificationDto } from '@agency-portal/shared';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { AddressInfo } from 'node:net';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { activeContract } from '../support/work';

/**
 * New notices reach their recipients' open streams once the change that caused them has been
 * delivered and committed, and nobody else's.
 */

interface OpenStream {
  messages: EventSourceMessage[];
  /** Resolves with the first message of `type` (already received or still to come). */
  next(type: string, timeoutMs?: number): Promise<EventSourceMessage>;
  close(): void;
}

describe('the notice stream', () => {
  let t: TestApp;
  let baseUrl: string;
  let lead: SignedIn;
  let northwind: SignedIn;
  let southpeak: SignedIn;
  const streams: OpenStream[] = [];

  async function open(token: string): Promise<OpenStream> {
    const abort = new AbortController();
    const response = await fetch(`${baseUrl}/api/notifications/stream`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const messages: EventSourceMessage[] = [];
    const waiting: { type: string; resolve: (message: EventSourceMessage) => void }[] = [];
    const parser = createParser({
      onEvent(message) {
        messages.push(message);
        for (const waiter of waiting.filter((candidate) => candidate.type === message.event)) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      },
    });
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) return;
          parser.feed(decoder.decode(chunk.value, { stream: true }));
        }
      } catch {
        // Closed by the test.
      }
    })();
    const stream: OpenStream = {
      messages,
      next: (type, timeoutMs = 5_000) => {
        const seen = messages.find((message) => message.event === type);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`no ${type} event within ${timeoutMs} ms`)),
            timeoutMs,
          );
          waiting.push({
            type,
            resolve: (message) => {
              clearTimeout(timer);
              resolve(message);
            },
          });
        });
      },
      close: () => abort.abort(),
    };
    streams.push(stream);
    await stream.next('ready');
    return stream;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    lead = await t.login(DEMO.lead);
    northwind = await t.login(DEMO.northwindMember);
    southpeak = await t.login(DEMO.southpeakMember);
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t.close();
  });

  it('should answer 401 without a token, like every route', async () => {
    const response = await fetch(`${baseUrl}/api/notifications/stream`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { code: string };
    expect(body.code).toBe('unauthenticated');
  });

  it('should refuse a time zone that does not exist with 400, and say it streams in its API document', async () => {
    const response = await fetch(`${baseUrl}/api/notifications/stream?timeZone=Mars%2FOlympus`, {
      headers: { Authorization: `Bearer ${lead.accessToken}` },
    });
    expect(response.status).toBe(400);
    const document = (await t.http().get('/api/docs-json')).body as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const content = document.paths['/api/notifications/stream']?.get?.responses['200']?.content ?? {};
    expect(Object.keys(content)).toEqual(['text/event-stream']);
  });

  it('should deliver a new notice, worded, to its recipient only once its delivery has committed', async () => {
    const northwindStream = await open(northwind.accessToken);
    const southpeakStream = await open(southpeak.accessToken);
    const contract = await activeContract(t, lead.accessToken);
    const created = await t
      .http()
      .post('/api/briefs')
      .set(bearer(lead.accessToken))
      .send({
        contractId: contract.id,
        goalIds: [contract.allocations[0].goalId],
        title: 'Streamed brief',
        objective: 'Arrive without a reload',
        audience: 'Everyone',
        keyMessages: ['Live'],
        channels: ['instagram'],
        funnelStage: 'awareness',
        dueDate: '2031-12-31',
        specs: [{ rateCardItemId: contract.rateCard[0].id, quantity: 1, dueDate: '2031-12-20' }],
      });
    expect(created.status).toBe(201);
    const brief = created.body as BriefDetailDto;
    expect((await t.http().post(`/api/briefs/${brief.id}/send`).set(bearer(lead.accessToken))).status).toBe(
      200,
    );
    // Nothing is announced before the outbox delivers (after the change's commit).
    expect(northwindStream.messages.filter((message) => message.event === 'notice')).toEqual([]);

    await t.deliverEvents();
    const message = await northwindStream.next('notice');
    const data = JSON.parse(message.data) as { notice: NotificationDto; unread: number };
    const [stored] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM notifications WHERE user_id = $1 AND entity_id = $2`,
      [northwind.userId, brief.id],
    );
    expect(data.notice.id).toBe(stored?.id);
    expect(data.notice.link).toBe(`/briefs/${brief.id}`);
    expect(data.notice.title).toContain('Streamed brief');
    expect(data.unread).toBeGreaterThanOrEqual(1);

    // Give the other stream every chance to receive something it should not.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(southpeakStream.messages.filter((message) => message.event === 'notice')).toEqual([]);
  });
});
