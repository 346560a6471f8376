import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error scripts/build.mjs is plain JavaScript with JSDoc types, outside the TS project
import { keepingNodeEnv } from '../../scripts/build.mjs';

// `npm start` builds the web app in the server's own process, and Vite's build sets NODE_ENV to
// "production" when it is unset: the first start of a fresh clone then refused to seed the demo.
describe('keepingNodeEnv', () => {
  const original = process.env.NODE_ENV;
  afterEach(() => {
    if (original === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = original;
  });

  it('leaves NODE_ENV unset when it was unset before the build', async () => {
    delete process.env.NODE_ENV;
    const result = await keepingNodeEnv(async () => {
      process.env.NODE_ENV = 'production';
      return 42;
    });
    expect(result).toBe(42);
    expect('NODE_ENV' in process.env).toBe(false);
  });

  it('puts back the value it had, also when the build fails', async () => {
    process.env.NODE_ENV = 'development';
    await expect(
      keepingNodeEnv(async () => {
        process.env.NODE_ENV = 'production';
        throw new Error('build failed');
      }),
    ).rejects.toThrow('build failed');
    expect(process.env.NODE_ENV).toBe('development');
  });
});
