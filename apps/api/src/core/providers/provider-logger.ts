import type { PinoLogger } from 'nestjs-pino';

/** What the provider factories log through; the module passes its PinoLogger. */
export type ProviderLogger = Pick<PinoLogger, 'info' | 'warn'>;
