/**
 * Structured logging (pino). Log ids, counts, codes, durations — never PHI, link tokens or
 * secrets. The redact list is a second line of defence for fields that must never be printed.
 */
import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { svc: process.env.PERIODIC_PROCESS ?? 'web' },
  redact: {
    paths: ['*.password', '*.passwordHash', '*.email', '*.name', '*.phone', '*.dateOfBirth', '*.token', '*.secret', '*.joinUrl', '*.authorization', 'req.headers.cookie', 'req.headers.authorization'],
    censor: '[redacted]',
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});
