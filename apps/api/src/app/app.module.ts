import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BusinessUnitsModule } from './business-units/business-units.module';
import { APP_CONFIG, type ResolvedConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { UnitOfWorkModule } from './database/unit-of-work';
import { HealthController } from './health/health.controller';
import { loggerOptions } from './logging/logger-options';
import { MailModule } from './mail/mail.module';
import { UsersModule } from './users/users.module';
import { BriefsModule } from './briefs/briefs.module';
import { ContractsModule } from './contracts/contracts.module';
import { DeliverablesModule } from './deliverables/deliverables.module';
import { FilesModule } from './files/files.module';
import { GoalsModule } from './goals/goals.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { EventsModule } from './events/events.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { UploadsModule } from './uploads/uploads.module';
import { InvoicesModule } from './invoices/invoices.module';
import { SpendModule } from './spend/spend.module';
import { GoalReportsModule } from './goal-reports/goal-reports.module';
import { ApprovalPoliciesModule } from './approval-policies/approval-policies.module';
import { ReviewsModule } from './reviews/reviews.module';
import { runMigrations } from './database/migrate';
import { LongReadsModule } from './database/long-read';
import { HomeModule } from './home/home.module';
import { NoticeStreamModule } from './notifications/notice-stream.module';
import { CalendarModule } from './calendar/calendar.module';
import { DigestsModule } from './digests/digests.module';
import { ScorecardsModule } from './scorecards/scorecards.module';

@Module({})
export class AppModule {
  /** The whole application for a resolved configuration (database URL and secrets known). */
  static register(config: ResolvedConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config.databaseUrl, config.database),
          // Migrations first, on their own connection and timeout; then the request pool.
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('No data source options');
            await runMigrations(options, config.database.migrationStatementTimeoutMs);
            return new DataSource(options).initialize();
          },
        }),
        JobsModule,
        EventsModule,
        AccessModule,
        UnitOfWorkModule,
        LongReadsModule,
        MailModule,
        AuditModule,
        AuthModule,
        BusinessUnitsModule,
        AgenciesModule,
        UsersModule,
        FilesModule,
        NotificationsModule,
        GoalsModule,
        OutcomesModule,
        ContractsModule,
        BriefsModule,
        ApprovalPoliciesModule,
        DeliverablesModule,
        UploadsModule,
        SpendModule,
        GoalReportsModule,
        InvoicesModule,
        ReviewsModule,
        HomeModule,
        NoticeStreamModule,
        CalendarModule,
        DigestsModule,
        ScorecardsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
