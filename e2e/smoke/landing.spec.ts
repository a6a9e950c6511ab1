import { expect, test } from '@playwright/test';

test.describe('landing page', () => {
  test('renders the heading and the entry links', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Periodic/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/signin');
    await expect(main.getByRole('link', { name: 'Create patient account' })).toHaveAttribute('href', '/patient/signup');
    await expect(main.getByRole('link', { name: '/api/health' })).toHaveAttribute('href', '/api/health');
  });

  test('sends a nonce-based CSP and the hardening headers', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    const csp = headers['content-security-policy'] ?? '';
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce, `CSP without nonce: ${csp}`).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['x-nonce']).toBeUndefined();

    // Next stamped the nonce on its own scripts, so the page hydrated under the strict policy.
    const scriptNonces = await page.locator('script[src]').evaluateAll((scripts) =>
      scripts.map((s) => (s as HTMLScriptElement).nonce),
    );
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  });

  test('uses a fresh nonce on every request', async ({ request }) => {
    const first = (await request.get('/')).headers()['content-security-policy'];
    const second = (await request.get('/')).headers()['content-security-policy'];
    expect(first).toBeTruthy();
    expect(first).not.toBe(second);
  });

  test('logs no console errors or CSP violations', async ({ page }) => {
    // Collect CSP violations directly, not only via their console echo.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    const problems: string[] = [];
    page.on('console', (message) => {
      // Link prefetches of other portals' routes are not this page's concern (their own specs
      // cover them); everything else logged as an error fails the test.
      if (message.type() === 'error' && !message.location().url.includes('_rsc=')) {
        problems.push(`${message.text()} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto('/');
    // The App Router runtime sets window.next once its (nonce-stamped) scripts have run.
    await page.waitForFunction(() => 'next' in window);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeInViewport();
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });
});
