import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON lines in production; readable lines for a developer at a terminal. */
export function createLogger(options: { level: string; pretty: boolean }): Logger {
  if (options.pretty && hasPrettyPrinter()) {
    return pino({
      level: options.level,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
  }
  return pino({ level: options.level });
}

function hasPrettyPrinter(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false; // a production install without dev dependencies
  }
}
