import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { QueueService } from '../jobs/queue.service';
import { ReviewsService } from './reviews.service';

export const OVERDUE_REVIEWS_JOB = 'reviews.overdue';

/** Reviews past their step's SLA are escalated; checked every 15 minutes. */
@Injectable()
export class ReviewJobs implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly reviews: ReviewsService,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ReviewJobs.name);
  }

  onModuleInit(): void {
    this.queue.register({
      name: OVERDUE_REVIEWS_JOB,
      schedule: '*/15 * * * *',
      singleton: true,
      handle: async () => {
        const escalated = await this.reviews.escalateOverdue();
        if (escalated > 0) this.logger.info({ escalated }, 'Overdue reviews escalated');
      },
    });
  }
}
