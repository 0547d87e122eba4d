import { Inject, Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail through SMTP when SMTP_URL is configured; otherwise reports that nothing was sent. */
@Injectable()
export class MailService {
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(MailService.name);
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Returns true when the message was handed to the SMTP server. Never throws: mail is best effort. */
  async send(message: MailMessage): Promise<boolean> {
    if (!this.transport) {
      this.logger.info({ to: message.to, subject: message.subject }, 'SMTP not configured; mail not sent');
      return false;
    }
    try {
      await this.transport.sendMail({ from: this.config.mailFrom, ...message });
      return true;
    } catch (error) {
      this.logger.warn({ err: error, to: message.to, subject: message.subject }, 'Mail could not be sent');
      return false;
    }
  }
}
