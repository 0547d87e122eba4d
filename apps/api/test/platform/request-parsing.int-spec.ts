import { suiteApp } from '../support/test-app';

/** What reaches the API before any route runs: the body parsers, as users' clients hit them. */
describe('request parsing', () => {
  const t = suiteApp();

  it('should answer 400 in the error shape when the body is malformed JSON', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "admin@demo.local", ');

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'validation_failed',
      message: 'The request body is not valid JSON.',
    });
  });

  it('should answer 400 when the body is JSON null', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('null');

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed' });
  });

  it('should answer 400 when the body is a JSON string or number instead of an object', async () => {
    const answers = await Promise.all(
      ['"text"', '42', 'true'].map((raw) =>
        t.http().post('/api/auth/set-password').set('Content-Type', 'application/json').send(raw),
      ),
    );

    expect(answers.map((response) => [response.status, response.body.code])).toEqual([
      [400, 'validation_failed'],
      [400, 'validation_failed'],
      [400, 'validation_failed'],
    ]);
  });

  it('should answer 413 when the body is over the limit', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }));

    expect(response.status).toBe(413);
    expect(response.body).toEqual({ code: 'payload_too_large', message: 'The request body is too large.' });
  });

  it('should answer 415 when the body is in a charset the API does not read', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json; charset=klingon')
      .send('{}');

    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('should answer 415 when the body is compressed in an encoding the API does not read', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'zstd-nonsense')
      .send('{}');

    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('should answer in the error shape without a token on a protected route too', async () => {
    const response = await t
      .http()
      .post('/api/agencies')
      .set('Content-Type', 'application/json')
      .send('{not json');

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed' });
  });
});
