import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { QueueService } from '../../src/app/jobs/queue.service';
import { MailService } from '../../src/app/mail/mail.service';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';

const WORKSPACE = resolve(__dirname, '../../../..');

/** An SMTP server that records each message by Message-ID and can hold the next one forever. */
class SmtpSink {
  readonly received: string[] = [];
  holdAfter = Number.POSITIVE_INFINITY;
  onHeld: () => void = () => undefined;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (this.received.length >= this.holdAfter) {
          this.onHeld(); // never answered: the sender is stuck mid-send
          return;
        }
        const id = /^Message-ID:\s*(\S+)/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '?';
        this.received.push(id);
        callback();
      });
    },
  });

  async listen(): Promise<number> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return (this.server.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

/** The API in a child process, working jobs against the test's database. */
function startApi(t: TestApp, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '..', 'support', 'api-process.ts')],
    {
      cwd: WORKSPACE,
      env: {
        PATH: process.env['PATH'] ?? '',
        TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: t.config.databaseUrl,
        JWT_SECRET: t.config.jwtSecret,
        JOBS_ENABLED: 'true',
        SEED_DEMO: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((ready, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) ready(child);
    });
    child.once('exit', (code) => fail(new Error(`the API process exited (${code}): ${errors}`)));
  });
}

async function until(check: () => Promise<boolean>, what: string, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('outbox delivery', () => {
  let t: TestApp;
  let admin: SignedIn;
  let sink: SmtpSink;
  let smtpUrl: string;
  let storageDir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    sink = new SmtpSink();
    smtpUrl = `smtp://127.0.0.1:${await sink.listen()}`;
    t = await createTestApp({ SMTP_URL: smtpUrl });
    admin = await t.login(DEMO.admin);
    storageDir = mkdtempSync(join(tmpdir(), 'agency-portal-outbox-'));
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await t.close();
    await sink.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('should write nothing to send when the change rolls back', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_events');
    const refused = await t
      .http()
      .post('/api/users')
      .set(bearer(admin.accessToken))
      .send({ email: DEMO.viewer, name: 'Taken', role: 'viewer' });

    expect(refused.status).toBe(409);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_events')).toEqual(before);
  });

  it('should deliver every event exactly once when the delivering process is killed midway', async () => {
    const invited = 6;
    for (let index = 0; index < invited; index++) {
      const response = await t
        .http()
        .post('/api/users')
        .set(bearer(admin.accessToken))
        .send({ email: `outbox-${index}@example.com`, name: `Invitee ${index}`, role: 'viewer' });
      expect(response.status).toBe(201);
      expect(response.body.emailed).toBe(true);
    }
    const env = { SMTP_URL: smtpUrl, JOB_TIMEOUT_SECONDS: '3', STORAGE_DIR: storageDir };

    // The first process sends two e-mails and is killed while the third is on the wire.
    sink.holdAfter = 2;
    const held = new Promise<void>((done) => (sink.onHeld = done));
    const first = await startApi(t, env);
    children.push(first);
    await held;
    first.kill('SIGKILL');
    await new Promise((done) => first.once('exit', done));
    expect(sink.received).toHaveLength(2);

    // A second process takes over: its sweep at boot finds the send the kill left half-done.
    sink.holdAfter = Number.POSITIVE_INFINITY;
    const second = await startApi(t, env);
    children.push(second);
    await until(
      async () => {
        const [row] = await t.dataSource.query<{ pending: number }[]>(
          `SELECT count(*)::int AS pending FROM mail_outbox WHERE status <> 'sent'`,
        );
        return row?.pending === 0;
      },
      'every e-mail to be sent',
      150,
    );

    const messages: { id: string; to_address: string }[] = await t.dataSource.query(
      `SELECT id, to_address FROM mail_outbox ORDER BY to_address`,
    );
    expect(messages.map((message) => message.to_address)).toEqual(
      Array.from({ length: invited }, (_, index) => `outbox-${index}@example.com`),
    );
    expect([...sink.received].sort()).toEqual(
      messages.map((message) => `<${message.id}@agency-portal>`).sort(),
    );
    const deliveries: { type: string; deliveries: number }[] = await t.dataSource.query(
      `SELECT event.type, count(delivery.event_id)::int AS deliveries
         FROM outbox_events event LEFT JOIN outbox_deliveries delivery ON delivery.event_id = event.id
        GROUP BY event.id, event.type`,
    );
    // Each invitation reaches its one subscriber (mail); the key (event, subscriber) is unique.
    expect(deliveries.filter((row) => row.type === 'user.invited')).toEqual(
      Array.from({ length: invited }, () => ({ type: 'user.invited', deliveries: 1 })),
    );
    expect(deliveries.filter((row) => row.deliveries === 0)).toEqual([]);

    second.kill('SIGTERM');
    await new Promise((done) => second.once('exit', done));
  }, 240_000);

  it('should send nothing twice when a delivered event or a sent e-mail is queued again', async () => {
    const [event] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM outbox_events LIMIT 1`);
    const [message] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM mail_outbox LIMIT 1`);
    const sentBefore = sink.received.length;
    const mailBefore = await t.dataSource.query('SELECT count(*)::int AS n FROM mail_outbox');
    const queue = t.app.get(QueueService);

    await queue.send('events.mail', { eventId: event?.id ?? '' });
    await queue.send('mail.send', { messageId: message?.id ?? '' });
    await t.deliverEvents();

    expect(sink.received).toHaveLength(sentBefore);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM mail_outbox')).toEqual(mailBefore);
  });

  it('should queue stranded e-mails again when the sweep finds them', async () => {
    await t.dataSource.query(
      `INSERT INTO mail_outbox (to_address, subject, body, created_at) VALUES ('stranded@example.com', 'S', 'B', now() - interval '1 hour')`,
    );

    expect(await t.app.get(MailService).sweep()).toBe(1);
    await t.deliverEvents();

    const [row] = await t.dataSource.query<{ status: string }[]>(
      `SELECT status FROM mail_outbox WHERE to_address = 'stranded@example.com'`,
    );
    expect(row?.status).toBe('sent');
  });
});
