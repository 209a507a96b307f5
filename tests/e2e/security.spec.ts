import { expect, expectAccessible, test } from './fixtures';
import { StartPage } from './pages/StartPage';

test('the app opens no windows, never navigates away and runs no injected inline script', async ({
  app,
}) => {
  const { page, context, requests } = await app.launch();
  const start = new StartPage(page);
  await expect(start.heading).toHaveText('Create your vault');
  await expectAccessible(page, 'start');

  expect(await page.evaluate(() => window.open('https://example.com/'))).toBeNull();
  expect(context.pages()).toHaveLength(1);

  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.com/elsewhere';
    link.textContent = 'Elsewhere';
    document.body.append(link);
    link.click();
  });
  expect(new URL(page.url()).origin).toBe(app.origin);
  await expect(start.heading).toHaveText('Create your vault');

  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener(
          'securitypolicyviolation',
          (event) => resolve(event.violatedDirective),
          { once: true },
        );
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.body.append(script);
      }),
  );
  expect(blocked).toMatch(/^script-src/);
  expect(await page.evaluate(() => 'injected' in window || '__injected' in window)).toBe(false);

  expect(
    requests.filter((url) => !url.startsWith(app.origin) && !/^(data|blob):/.test(url)),
  ).toEqual([]);
});

test('the main process answers a malformed request with a typed error, not a crash', async ({
  app,
}) => {
  const { page } = await app.launch();
  const answers = await page.evaluate(async () => {
    const api = window.bridgework as unknown as Record<
      string,
      (request: unknown) => Promise<unknown>
    >;
    return [
      await api['vault:read-header']?.({ vaultId: '../../etc/passwd' }),
      await api['vault:create']?.({ header: 'not base64!' }),
      await api['vault:create']?.({ header: btoa('BWVH not really a vault') }),
      await api['vault:list']?.(null),
    ];
  });
  expect(answers).toEqual([
    { ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('vaultId') } },
    { ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('header') } },
    { ok: false, error: { code: 'INVALID_HEADER', message: expect.any(String) } },
    { ok: false, error: { code: 'INVALID_REQUEST', message: expect.any(String) } },
  ]);
  await expect(new StartPage(page).heading).toHaveText('Create your vault');
});
