import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const isAddressOrSubnet = (entry: string) => {
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

const envSchema = z.object({
  STEWARD_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  STEWARD_HOST: z.string().min(1).default('127.0.0.1'),
  STEWARD_DATA_DIR: z.string().min(1).default('./data'),
  STEWARD_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  STEWARD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STEWARD_PUBLIC_URL: z.string().url().optional(),
  STEWARD_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  STEWARD_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrSubnet), 'must be IP addresses or CIDR ranges, separated by commas'),
  STEWARD_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  STEWARD_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  STEWARD_MAIL_FROM: z.string().min(3).default('Steward <steward@localhost>'),
  STEWARD_RAW_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  STEWARD_ROLLUP_RETENTION_DAYS: z.coerce.number().int().min(730).max(36500).default(730),
  STEWARD_CHECK_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(500),
  STEWARD_CHECKS_PER_HOST: z.coerce.number().int().min(1).max(1000).default(6),
  STEWARD_LOCATION: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be lowercase letters, digits and dashes')
    .default('local'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** postgres:// URL, or undefined for the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  sqlitePath: string;
  logLevel: z.infer<typeof envSchema>['STEWARD_LOG_LEVEL'];
  publicUrl: string | undefined;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  trustProxy: boolean;
  /** Peers (IPs or CIDR ranges) whose X-Forwarded-Host picks a status page's custom domain. */
  trustedProxies: string[];
  shutdownTimeoutMs: number;
  /** Outgoing mail; undefined stores mail in the outbox shown in the admin console. */
  smtpUrl: string | undefined;
  mailFrom: string;
  rawRetentionDays: number;
  rollupRetentionDays: number;
  /** Checks in flight at once, and per target host (politeness). */
  checkConcurrency: number;
  checksPerHost: number;
  /** Name of this probe location, recorded on every check result. */
  location: string;
};

export class ConfigError extends Error {}

/** Parses the environment once; nothing else in Steward reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (FOO= in an env file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.STEWARD_DATA_DIR);
  return {
    port: e.STEWARD_PORT,
    host: e.STEWARD_HOST,
    dataDir,
    databaseUrl: e.STEWARD_DATABASE_URL,
    sqlitePath: path.join(dataDir, 'steward.db'),
    logLevel: e.STEWARD_LOG_LEVEL,
    publicUrl: e.STEWARD_PUBLIC_URL,
    trustProxy: e.STEWARD_TRUST_PROXY,
    trustedProxies: e.STEWARD_TRUSTED_PROXIES,
    shutdownTimeoutMs: e.STEWARD_SHUTDOWN_TIMEOUT_MS,
    smtpUrl: e.STEWARD_SMTP_URL,
    mailFrom: e.STEWARD_MAIL_FROM,
    rawRetentionDays: e.STEWARD_RAW_RETENTION_DAYS,
    rollupRetentionDays: e.STEWARD_ROLLUP_RETENTION_DAYS,
    checkConcurrency: e.STEWARD_CHECK_CONCURRENCY,
    checksPerHost: e.STEWARD_CHECKS_PER_HOST,
    location: e.STEWARD_LOCATION,
  };
}
