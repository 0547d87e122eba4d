import { randomUUID } from 'node:crypto';
import type { ApiErrorBody } from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';

describe("API messages in the reader's language", () => {
  let t: TestApp;
  let koreanToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.query(`UPDATE users SET locale = 'ko' WHERE email = $1`, [DEMO.admin]);
    koreanToken = (await t.login(DEMO.admin)).accessToken;
  });

  afterAll(async () => {
    await t.close();
  });

  it('should answer a Korean-profile user in Korean when a record is not found', async () => {
    const response = await t
      .http()
      .get(`/api/business-units/${randomUUID()}`)
      .set(bearer(koreanToken))
      .set('Accept-Language', 'en-US');

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 'not_found', message: '사업부를 찾을 수 없습니다.' });
  });

  it('should answer a Korean-profile user in Korean, field by field, when validation fails', async () => {
    const response = await t
      .http()
      .post('/api/business-units')
      .set(bearer(koreanToken))
      .send({ name: 'x'.repeat(121), operatingModel: 'nope', colour: 'red' });

    expect(response.status).toBe(400);
    const body = response.body as ApiErrorBody;
    expect(body.code).toBe('validation_failed');
    expect(body.details?.fields).toEqual(
      expect.arrayContaining([
        { field: 'name', messages: ['name 값은 120자 이하여야 합니다.'] },
        {
          field: 'operatingModel',
          messages: [expect.stringMatching(/^operatingModel 값은 다음 중 하나여야 합니다: .+\.$/)],
        },
        { field: 'colour', messages: ['colour은(는) 이 요청에 쓸 수 없는 필드입니다.'] },
      ]),
    );
    expect(body.message).toContain('name 값은 120자 이하여야 합니다.');
  });

  it('should answer an anonymous reader in the Accept-Language when sign-in fails', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('Accept-Language', 'id-ID,id;q=0.9,en;q=0.5')
      .send({ email: DEMO.viewer, password: 'wrong-password' });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ code: 'invalid_credentials', message: 'Email atau kata sandi salah.' });
  });

  it('should answer in English when the reader asks for a language the portal does not speak', async () => {
    const response = await t.http().get('/api/business-units').set('Accept-Language', 'fr-FR');

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ code: 'unauthenticated', message: 'Sign in to continue.' });
  });
});
