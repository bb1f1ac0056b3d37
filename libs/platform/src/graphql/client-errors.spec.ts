import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_ERROR_CODES, clientError } from './client-errors';
import { formatClientError } from './format-error';

describe('client error codes', () => {
  it('are all documented in docs/errors.md, and only they', () => {
    const page = readFileSync(join(__dirname, '../../../../docs/errors.md'), 'utf8');
    const documented = [...page.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.filter((code) => code !== 'INTERNAL_SERVER_ERROR').sort()).toEqual(
      Object.keys(CLIENT_ERROR_CODES).sort(),
    );
  });

  it('reach the client with their message; anything else becomes a generic internal error', () => {
    const error = clientError('NOT_FOUND', 'no webhook subscription x');
    expect(formatClientError({ message: error.message, extensions: error.extensions })).toEqual({
      message: 'no webhook subscription x',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(
      formatClientError({
        message: 'connect ECONNREFUSED 10.0.0.5:5432',
        extensions: { code: 'DB_DOWN', stacktrace: ['at x'] },
      }),
    ).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
