import { z } from 'zod';
import { ConfigurationError } from './config.exception';

/**
 * Parses a flat environment against a zod schema. The first problem becomes a one-line
 * {@link ConfigurationError} that names the variable and the value it had, never a stack trace.
 */
export function loadConfig<S extends z.ZodTypeAny>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue.path.join('.') || '(environment)';
  const raw = env[key];
  const got = raw === undefined ? 'it is not set' : `got ${shown(key, raw)}`;
  throw new ConfigurationError(`ordex ${service}: invalid configuration: ${key}: ${issue.message} (${got})`);
}

/** Secrets are never echoed; a URL's password is masked. */
const SECRET_KEY = /KEY|SECRET|PASSWORD|TOKEN/;

function shown(key: string, raw: string): string {
  if (SECRET_KEY.test(key)) return 'a value that is not shown';
  try {
    const url = new URL(raw);
    if (url.password) {
      url.password = '***';
      return JSON.stringify(url.toString());
    }
  } catch {
    // not a URL
  }
  return JSON.stringify(raw);
}
