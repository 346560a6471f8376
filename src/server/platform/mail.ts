/**
 * E-mail through SMTP when configured (SMTP_URL). Mail is sent after the transaction that made
 * the notification has committed (STYLE.md 17), and a failure to send never undoes the change.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from './config';

export type Mail = { to: string; subject: string; text: string };

export type Mailer = { send: (mail: Mail) => Promise<boolean> };

/**
 * A mailer for the configuration, or one that sends nothing when SMTP is not configured.
 * @param transport another nodemailer transport than SMTP_URL's (tests pass `{ jsonTransport: true }`).
 */
export function createMailer(
  config: Pick<Config, 'smtp'>,
  log: { warn: (obj: object, msg: string) => void } = { warn: () => {} },
  transport: Transporter = config.smtp ? nodemailer.createTransport(config.smtp.url) : nodemailer.createTransport({ jsonTransport: true }),
): Mailer {
  if (!config.smtp) return { send: async () => false };
  const from = config.smtp.from;
  return {
    send: async (mail) => {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
        return true;
      } catch (err) {
        log.warn({ err, to: mail.to }, 'e-mail not sent');
        return false;
      }
    },
  };
}
