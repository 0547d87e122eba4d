import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { REFRESH_COOKIE } from './auth/auth.controller';

/** Every tag an operation may carry, with what it groups. A new tag is declared here. */
const TAGS: Record<string, string> = {
  auth: 'Sign-in, sessions (access token and rotating refresh cookie) and set-password links.',
  health: 'Liveness and database reachability.',
  'business units': "The brand's business units and their operating models.",
  agencies: 'Agencies, their services, relationship owners and offboarding.',
  users: 'People, their roles and invitations.',
  profile: "The caller's own name, language and time zone.",
  goals: 'Marketing goals with their KPI, target and period.',
  outcomes:
    'Daily metrics of published deliverables and goal-level outcomes: integration upserts, file imports with presets, their results.',
  contracts: 'Statements of work: terms, rate cards, goal allocations, signed documents, lifecycle.',
  briefs: 'Briefs under contracts, their budget commitments and lifecycle.',
  deliverables: 'Deliverables, their versions, files, decisions and publication.',
  reviews: 'Approval policies and comment threads on versions.',
  uploads: 'Resumable uploads of deliverable files (tus 1.0.0).',
  notifications: "The caller's in-app notices.",
  home: "The caller's own queues: what waits for them, overdue first.",
  calendar: 'Deliverables by due date and publish date, per day within a bounded window.',
  'goal reports': 'Goal dashboards (KPI against target, pace, spend, cost per result) and the goal overview.',
  digests: 'Weekly digests by e-mail of a goal or a business unit: the signed-in person’s own subscriptions.',
  scorecards:
    'Agency scorecards per quarter, computed from the workflow: delivery, approval, revisions, review turnaround, budget variance, KPI contribution.',
  mail: 'E-mails the portal sent or kept in its outbox.',
  audit: 'The append-only audit log.',
  invoices:
    "Agencies' invoices: PDFs, pay-on-approval drafts, idempotent submission, finance decisions and queues.",
  spend: 'The budget ledger, the finance spend report with drill-down and exports, and exchange rates.',
};

export function buildOpenApiDocument(app: INestApplication, prefix: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Agency Portal API')
    .setDescription(
      `Sign in with POST /${prefix}/auth/login and send the access token as \`Authorization: Bearer <token>\`. ` +
        'Errors are `{ code, message, details? }`; a 503 (`service_unavailable`) carries `Retry-After`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token' })
    .addCookieAuth(
      REFRESH_COOKIE,
      { type: 'apiKey', in: 'cookie', description: 'The httpOnly refresh cookie set by sign-in' },
      REFRESH_COOKIE,
    );
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  return SwaggerModule.createDocument(app, builder.build());
}
