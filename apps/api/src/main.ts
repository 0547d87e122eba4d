import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app/app.module';
import { PasswordService } from './app/auth/password.service';
import { ConfigError, loadConfig, type AppConfig, type ResolvedConfig } from './app/config/app-config';
import { configureApp } from './app/configure-app';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './app/database/embedded-postgres';
import { FILE_STORAGE, type FileStorage } from './app/files/file-storage';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoOrganisation } from './app/seed/demo-organisation';
import { seedDemoGoalOutcomes } from './app/seed/demo-goal-outcomes';
import { seedDemoOutcomes } from './app/seed/demo-outcomes';
import { seedDemoReviews } from './app/seed/demo-reviews';
import { seedDemoScorecards } from './app/seed/demo-scorecards';
import { seedDemoSpend } from './app/seed/demo-spend';
import { seedDemoWork } from './app/seed/demo-work';
import { RenditionsService } from './app/renditions/renditions.service';

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** A development secret kept beside the embedded database, so restarts keep sessions valid. */
function localJwtSecret(dataDir: string): string {
  const file = join(dirname(resolve(dataDir)), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md (Configuration) and .env.example.\n`);
      process.exit(1);
    }
    throw error;
  }

  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    say(`Starting embedded PostgreSQL (data in ${resolve(config.embeddedPg.dataDir)}) …`);
    embedded = await startEmbeddedPostgres(config.embeddedPg.dataDir, config.embeddedPg.port, say);
  }
  const resolved: ResolvedConfig = {
    ...config,
    databaseUrl: config.databaseUrl ?? (embedded as EmbeddedDatabase).url,
    jwtSecret: config.jwtSecret ?? localJwtSecret(config.embeddedPg.dataDir),
  };

  const webDistDir = resolved.webDistDir ?? resolve(__dirname, '../web/browser');
  const app = await NestFactory.create(AppModule.register(resolved), { bufferLogs: true });
  await configureApp(app, resolved, webDistDir);

  if (resolved.seedDemo) {
    const hash = await app.get(PasswordService).hash(DEMO_PASSWORD);
    const { seeded } = await seedDemoOrganisation(app.get(DataSource), hash);
    if (seeded) say('Seeded the demo organisation.');
    if (await seedDemoWork(app.get(DataSource), app.get<FileStorage>(FILE_STORAGE))) {
      say('Seeded demo goals and contracts.');
    }
    if (await seedDemoReviews(app.get(DataSource), app.get<FileStorage>(FILE_STORAGE))) {
      say('Seeded demo briefs and reviews.');
    }
    const storage = app.get<FileStorage>(FILE_STORAGE);
    if (await seedDemoSpend(app.get(DataSource), storage, resolved.invoiceDualApprovalThresholds)) {
      say('Seeded demo invoices and exchange rates.');
    }
    if (await seedDemoOutcomes(app.get(DataSource), storage)) {
      say('Seeded demo published posts and their daily metrics.');
    }
    if (await seedDemoGoalOutcomes(app.get(DataSource))) {
      say("Seeded the demo goals' own outcomes (followers, tracked revenue).");
    }
    if (await seedDemoScorecards(app.get(DataSource), storage, resolved.invoiceDualApprovalThresholds)) {
      say('Seeded three past quarters of finished work for the agency scorecards.');
    }
  }

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal} received: stopping …`);
    await app.close();
    if (embedded) await embedded.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen(resolved.port);
  // The boot sweep may have run before the seed stored its files: queue their renditions now
  // (after listen: the queue's jobs are registered once the app has initialised).
  if (resolved.seedDemo && resolved.jobsEnabled) await app.get(RenditionsService).sweep();
  const url = resolved.publicUrl;
  say('');
  say(`Agency Portal is running at ${url}`);
  say(`  API:      ${url}/api   (OpenAPI docs at ${url}/api/docs)`);
  if (!existsSync(webDistDir)) say(`  Web app:  not built (${webDistDir} missing); run \`npx nx build web\``);
  if (resolved.seedDemo) {
    say(`  Demo sign-ins (password "${DEMO_PASSWORD}", for the demo only):`);
    for (const user of DEMO_USERS) say(`    ${user.email.padEnd(30)} ${user.role}`);
  }
  say('Press Ctrl-C to stop.');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `Agency Portal failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
