import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app/app.module';
import { PasswordService } from '../../src/app/auth/password.service';
import { loadConfig, type ResolvedConfig } from '../../src/app/config/app-config';
import { configureApp } from '../../src/app/configure-app';
import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import { QueueService } from '../../src/app/jobs/queue.service';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../../src/app/seed/demo-organisation';
import { seedDemoWork } from '../../src/app/seed/demo-work';

export interface SignedIn {
  accessToken: string;
  /** The `ap_refresh=…` cookie pair as sent back by the browser. */
  refreshCookie: string;
  userId: string;
}

export interface TestApp {
  app: INestApplication<Server>;
  dataSource: DataSource;
  config: ResolvedConfig;
  http: () => ReturnType<typeof request>;
  login(email: string, password?: string): Promise<SignedIn>;
  userId(email: string): Promise<string>;
  /** A demo agency: 'Northwind Social' or 'Southpeak Media'. */
  agencyId(name: string): Promise<string>;
  unitId(name: string): Promise<string>;
  /**
   * Gives the CoE the demo's review template (the contract owner's review, brand review by every
   * reviewer, then Lena for legal), so reviewers review, and may read, the work of both demo
   * agencies. Without it the default policy applies: the contract's owner approves and reviewers
   * read nothing.
   */
  useDemoReviewTemplate(): Promise<void>;
  /**
   * Delivers what the changes so far have queued (notices, e-mails), as the queue's workers do
   * after commit in a running portal; tests do not run workers. Returns the jobs run.
   */
  deliverEvents(): Promise<number>;
  close(): Promise<void>;
}

/** A stand-in for the built web app, so tests run the app with its static files as users get it. */
export const WEB_FIXTURE = join(__dirname, '..', 'fixtures', 'web', 'browser');

function defaultAdminUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through jest.integration.config.cjs');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Boots the whole application as main.ts does, on a fresh database seeded with the demo
 * organisation. Every suite gets its own database, dropped on close. `adminUrl` names another
 * PostgreSQL server than the run's shared one (a suite that stops or freezes its own).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  adminUrl: string = defaultAdminUrl(),
): Promise<TestApp> {
  const database = `test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  const storageDir = mkdtempSync(join(tmpdir(), 'agency-portal-test-files-'));
  const config: ResolvedConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', STORAGE_DIR: storageDir, ...env }),
    databaseUrl: withDatabase(adminUrl, database),
    jwtSecret: randomBytes(32).toString('hex'),
  };
  // Built exactly as main.ts builds it (DiscoveryModule only lets tests list the routes).
  const app = await NestFactory.create<INestApplication<Server>>(
    {
      module: class TestRoot {},
      imports: [AppModule.register(config), DiscoveryModule],
    },
    { bufferLogs: true, logger: false },
  );
  await configureApp(app, config, config.webDistDir ?? WEB_FIXTURE);
  await app.init();
  const dataSource = app.get(DataSource);
  await seedDemoOrganisation(dataSource, await app.get(PasswordService).hash(DEMO_PASSWORD));
  await seedDemoWork(dataSource, app.get<FileStorage>(FILE_STORAGE));

  const http = () => request(app.getHttpServer());
  const one = async (sql: string, params: unknown[], what: string): Promise<string> => {
    const rows: { id: string }[] = await dataSource.query(sql, params);
    if (!rows[0]) throw new Error(`${what} not found`);
    return rows[0].id;
  };

  return {
    app,
    dataSource,
    config,
    http,
    async login(email, password = DEMO_PASSWORD) {
      const response = await http().post('/api/auth/login').send({ email, password });
      if (response.status !== 200) {
        throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      }
      const body = response.body as { accessToken: string; user: { id: string } };
      return {
        accessToken: body.accessToken,
        refreshCookie: refreshCookieOf(response),
        userId: body.user.id,
      };
    },
    userId: (email) => one('SELECT id FROM users WHERE email = $1', [email], `user ${email}`),
    agencyId: (name) => one('SELECT id FROM agencies WHERE name = $1', [name], `agency ${name}`),
    unitId: (name) => one('SELECT id FROM business_units WHERE name = $1', [name], `unit ${name}`),
    async useDemoReviewTemplate() {
      await dataSource.query(
        `INSERT INTO approval_policies (business_unit_id, name, steps)
         SELECT unit.id, 'Lead, brand and legal review', jsonb_build_array(
                  jsonb_build_object('name', 'Lead review', 'approverRole', NULL, 'approverUserIds', '[]'::jsonb,
                                     'contractOwner', true, 'allowEarlierApprovers', false, 'slaHours', 24),
                  jsonb_build_object('name', 'Brand review', 'approverRole', 'reviewer', 'approverUserIds', '[]'::jsonb,
                                     'contractOwner', false, 'allowEarlierApprovers', false, 'slaHours', 24),
                  jsonb_build_object('name', 'Legal', 'approverRole', NULL,
                                     'approverUserIds', jsonb_build_array(legal.id::text),
                                     'contractOwner', false, 'allowEarlierApprovers', false, 'slaHours', 48))
           FROM business_units unit, users legal
          WHERE unit.name = 'Global Social Centre of Excellence' AND legal.email = 'legal@demo.local'
         ON CONFLICT (business_unit_id) DO UPDATE SET name = EXCLUDED.name, steps = EXCLUDED.steps`,
      );
    },
    deliverEvents: () => app.get(QueueService).drain(),
    async close() {
      await app.close();
      await admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

/**
 * The suite's app, created before its tests and closed after them (`const t = suiteApp();` in a
 * describe block, before its other hooks): it stands for the app once `beforeAll` has made it.
 */
export function suiteApp(env: Record<string, string> = {}): TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await createTestApp(env);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as TestApp, {
    get(_, property) {
      if (!current) throw new Error('The suite app is used before beforeAll created it');
      return Reflect.get(current, property) as unknown;
    },
  });
}

export function refreshCookieOf(response: request.Response): string {
  const header = response.headers['set-cookie'] as unknown as string[] | string | undefined;
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  const cookie = cookies.find((entry) => entry.startsWith('ap_refresh='));
  return cookie ? cookie.split(';')[0] : '';
}

/** Reads the answer as bytes: `response.body` is a Buffer whatever the type (files, XLSX, PDF). */
export function asBytes(test: request.Test): request.Test {
  return test.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

export const DEMO = {
  admin: 'admin@demo.local',
  lead: 'lead@demo.local',
  reviewer: 'reviewer@demo.local',
  legal: 'legal@demo.local',
  finance: 'finance@demo.local',
  finance2: 'finance2@demo.local',
  viewer: 'viewer@demo.local',
  northwindAdmin: 'admin@northwind.demo.local',
  northwindMember: 'member@northwind.demo.local',
  /** Works in Korean (locale ko, Asia/Seoul). */
  northwindKoreanMember: 'jiwoo@northwind.demo.local',
  southpeakAdmin: 'admin@southpeak.demo.local',
  southpeakMember: 'member@southpeak.demo.local',
} as const;
