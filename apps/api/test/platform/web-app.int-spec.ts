import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestApp, WEB_FIXTURE, type TestApp } from '../support/test-app';

const PRECOMPRESS = resolve(__dirname, '../../../../tools/build/precompress.mjs');

/** A copy of the web fixture, precompressed by the same build step as the real web app. */
function builtFixture(layout: 'flat' | 'localized'): string {
  const root = mkdtempSync(join(tmpdir(), `agency-portal-web-${layout}-`));
  if (layout === 'flat') {
    cpSync(WEB_FIXTURE, root, { recursive: true });
  } else {
    for (const locale of ['en', 'ko', 'id']) {
      cpSync(WEB_FIXTURE, join(root, locale), { recursive: true });
      writeFileSync(
        join(root, locale, 'index.html'),
        `<!doctype html><html lang="${locale}"><head><base href="/${locale}/"></head><body>${locale} app</body></html>`,
      );
    }
    mkdirSync(join(root, 'shared'));
  }
  execFileSync(process.execPath, [PRECOMPRESS, root]);
  return root;
}

describe('serving the web app', () => {
  describe('with one build (flat layout)', () => {
    let t: TestApp;
    let root: string;

    beforeAll(async () => {
      root = builtFixture('flat');
      t = await createTestApp({ WEB_DIST_DIR: root });
    });

    afterAll(async () => {
      await t.close();
      rmSync(root, { recursive: true, force: true });
    });

    it('should serve the app page, always revalidated, for the root and any app route', async () => {
      for (const path of ['/', '/contracts/3f1c', '/briefs?status=sent']) {
        const response = await t.http().get(path);
        expect([path, response.status, response.headers['content-type']]).toEqual([
          path,
          200,
          'text/html; charset=utf-8',
        ]);
        expect(response.text).toContain('<ap-root>');
        expect(response.headers['cache-control']).toBe('no-cache');
      }
    });

    it('should send hashed bundles precompressed with brotli and cache them for good', async () => {
      const response = await t.http().get('/main-FIXTURE1.js').set('Accept-Encoding', 'gzip, deflate, br');

      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toMatch(/^text\/javascript/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['vary']).toContain('Accept-Encoding');
      expect(Number(response.headers['content-length'])).toBeLessThan(14798 / 4);
      expect(response.text).toContain('export const value199');
    });

    it('should fall back to gzip, then to the plain file, as the client accepts', async () => {
      const gzip = await t.http().get('/styles-FIXTURE1.css').set('Accept-Encoding', 'gzip');
      const plain = await t.http().get('/styles-FIXTURE1.css').set('Accept-Encoding', 'identity');

      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-length']).toBe('1800');
    });

    it('should answer 404, not the app page, for a missing file', async () => {
      for (const path of ['/robots.txt', '/main-MISSING1.js', '/favicon.ico', '/.env']) {
        const response = await t.http().get(path);
        expect([path, response.status, response.body.code]).toEqual([path, 404, 'not_found']);
      }
    });

    it('should not answer the app page for a method other than GET', async () => {
      const response = await t.http().post('/contracts').send({});

      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    });

    it('should compress large JSON answers and leave small ones as they are', async () => {
      const large = await t.http().get('/api/docs-json').set('Accept-Encoding', 'br, gzip');
      const gzip = await t.http().get('/api/docs-json').set('Accept-Encoding', 'gzip');
      const small = await t.http().get('/api/health').set('Accept-Encoding', 'br, gzip');

      expect(large.headers['content-encoding']).toBe('br');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(large.body.openapi).toMatch(/^3\./);
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.body).toEqual({ status: 'ok', database: 'up' });
    });
  });

  describe('with one build per language (localized layout)', () => {
    let t: TestApp;
    let root: string;

    beforeAll(async () => {
      root = builtFixture('localized');
      t = await createTestApp({ WEB_DIST_DIR: root });
    });

    afterAll(async () => {
      await t.close();
      rmSync(root, { recursive: true, force: true });
    });

    it("should serve each language's app page for its routes", async () => {
      for (const locale of ['en', 'ko', 'id']) {
        const response = await t.http().get(`/${locale}/briefs/42`);
        expect([locale, response.status, response.text]).toEqual([
          locale,
          200,
          expect.stringContaining(`${locale} app`),
        ]);
        expect(response.headers['cache-control']).toBe('no-cache');
      }
      const bare = await t.http().get('/ko');
      expect(bare.text).toContain('ko app');
    });

    it("should serve a language's files from its folder, precompressed", async () => {
      const response = await t.http().get('/id/main-FIXTURE1.js').set('Accept-Encoding', 'br');

      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('should send other paths to the language in the ap_locale cookie, keeping path and query', async () => {
      const response = await t
        .http()
        .get('/briefs/42?tab=files')
        .set('Cookie', 'ap_locale=id')
        .set('Accept-Language', 'ko-KR,ko;q=0.9');

      expect(response.status).toBe(302);
      expect(response.headers['location']).toBe('/id/briefs/42?tab=files');
      expect(response.headers['vary']).toContain('Accept-Language');
    });

    it("should follow the browser's languages without a cookie, and English without either", async () => {
      const korean = await t.http().get('/contracts').set('Accept-Language', 'ko-KR,ko;q=0.9,en;q=0.5');
      const unknownCookie = await t
        .http()
        .get('/')
        .set('Cookie', 'ap_locale=fr')
        .set('Accept-Language', 'fr-FR, id;q=0.8');
      const neither = await t.http().get('/');

      expect(korean.headers['location']).toBe('/ko/contracts');
      expect(unknownCookie.headers['location']).toBe('/id/');
      expect(neither.headers['location']).toBe('/en/');
    });

    it('should answer 404 for a missing file inside or outside a language folder', async () => {
      for (const path of ['/robots.txt', '/ko/missing-FIXTURE9.js', '/en/favicon.ico']) {
        const response = await t.http().get(path);
        expect([path, response.status, response.body.code]).toEqual([path, 404, 'not_found']);
      }
    });

    it('should leave the API alone', async () => {
      const response = await t.http().get('/api/health');

      expect(response.status).toBe(200);
      expect(response.body.status).toBe('ok');
    });
  });
});
