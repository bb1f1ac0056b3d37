import { renewingTokenSource } from './client-credentials';

describe('renewingTokenSource', () => {
  const minter = (lifetimeMs: number) => {
    let count = 0;
    const mint = jest.fn(async () => ({
      token: `t${++count}`,
      expiresAt: new Date(Date.now() + lifetimeMs),
    }));
    return mint;
  };

  it('keeps a token until a minute before it expires, then mints a new one', async () => {
    const mint = minter(10 * 60_000);
    const token = renewingTokenSource(mint);
    expect(await token()).toBe('t1');
    expect(await token()).toBe('t1');
    expect(mint).toHaveBeenCalledTimes(1);

    const short = minter(59_000); // already inside the renewal minute: never reused
    const renewing = renewingTokenSource(short);
    expect(await renewing()).toBe('t1');
    expect(await renewing()).toBe('t2');
  });

  it('lets concurrent callers share one mint', async () => {
    const mint = minter(10 * 60_000);
    const token = renewingTokenSource(mint);
    expect(await Promise.all([token(), token(), token()])).toEqual(['t1', 't1', 't1']);
    expect(mint).toHaveBeenCalledTimes(1);
  });

  it('mints again after a failed mint', async () => {
    const mint = jest
      .fn()
      .mockRejectedValueOnce(new Error('issuer down'))
      .mockResolvedValueOnce({ token: 'ok', expiresAt: new Date(Date.now() + 600_000) });
    const token = renewingTokenSource(mint);
    await expect(token()).rejects.toThrow('issuer down');
    expect(await token()).toBe('ok');
  });
});
