import type { INestApplication } from '@nestjs/common';
import type { AddressInfo, Server } from 'node:net';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { DEV_PASSWORD } from '@app/reference-data';
import { runService } from '@app/runtime';
import { isolatedEnv, type IsolatedEnv } from '@app/testing';
import { TrackingConfig } from '../tracking.config';
import { TrackingModule } from '../tracking.module';

interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { username: string; name: string; role: string; agency: string; unitId: string | null };
}

/** Staff sign-in against real PostgreSQL: seeded accounts, argon2id, refresh rotation with reuse detection. */
describe('staff auth (tracking, real PostgreSQL)', () => {
  let env: IsolatedEnv;
  let app: INestApplication;
  let base: string;

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/api/v1/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as unknown };
  };
  const login = (username: string, password = DEV_PASSWORD) => post('login', { username, password });

  beforeAll(async () => {
    env = await isolatedEnv('staff_auth');
    const config = loadConfig(TrackingConfig, {
      ...env.serviceEnv,
      PORT: '0',
      LOGIN_MAX_FAILURES: '3',
    });
    app = await runService(TrackingModule.register(config), config, {
      title: 'staff auth test',
      description: '',
      consumes: false,
    });
    const server = app.getHttpServer() as Server;
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await env?.drop();
  });

  it('seeds staff with argon2id hashes and signs a worker in with their agency and unit', async () => {
    const rows: { password_hash: string }[] = await app
      .get(DataSource)
      .query(`SELECT password_hash FROM staff_users WHERE username = 'ga-dc-01'`);
    const row = rows[0];
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);

    const res = await login('ga-dc-01');
    expect(res.status).toBe(200);
    const session = res.body as Session;
    expect(session.user).toEqual({
      username: 'ga-dc-01',
      name: expect.any(String) as string,
      role: 'worker',
      agency: 'police',
      unitId: 'ga-dc',
    });
    expect(session.expiresIn).toBe(900);
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await fetch(`${base}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(session.user);
  });

  it('answers a wrong password and an unknown user alike with 401 AUTH.INVALID_CREDENTIALS', async () => {
    for (const res of [await login('clerk02', 'wrong'), await login('nobody')]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: {
          code: 'AUTH.INVALID_CREDENTIALS',
          message: '用户名或密码错误',
          messageEn: 'Wrong username or password',
          details: [],
        },
      });
    }
  });

  it('rotates refresh tokens and revokes the family when a rotated token is replayed later', async () => {
    const first = (await login('zfw01')).body as Session;
    const second = await post('refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    const renewed = second.body as Session;
    expect(renewed.refreshToken).not.toBe(first.refreshToken);
    expect(renewed.user.role).toBe('committee');

    // Another tab refreshing with the same token at the same moment is not theft.
    const otherTab = await post('refresh', { refreshToken: first.refreshToken });
    expect(otherTab.status).toBe(200);

    // Past the grace period, the rotated token coming back means it was copied.
    await app
      .get(DataSource)
      .query(
        `UPDATE refresh_tokens SET rotated_at = rotated_at - interval '1 minute' WHERE rotated_at IS NOT NULL`,
      );
    const reuse = await post('refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body).toMatchObject({ error: { code: 'AUTH.INVALID_REFRESH_TOKEN' } });
    // The alarm also ended the sessions descended from that sign-in.
    expect((await post('refresh', { refreshToken: renewed.refreshToken })).status).toBe(401);
    expect((await post('refresh', { refreshToken: (otherTab.body as Session).refreshToken })).status).toBe(
      401,
    );
  });

  it('logout ends the session', async () => {
    const session = (await login('clerk01')).body as Session;
    expect((await post('logout', { refreshToken: session.refreshToken })).status).toBe(204);
    expect((await post('refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('locks an account after repeated failures, without telling the guesser', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login('ga-dc-02', 'guess')).status).toBe(401);
    const locked = await login('ga-dc-02');
    expect(locked.status).toBe(401);
    expect(locked.body).toMatchObject({ error: { code: 'AUTH.INVALID_CREDENTIALS' } });
  });

  it('throttles failures per client address and username with 429', async () => {
    // The test talks to the service over loopback, a trusted proxy by default (TRUST_PROXY=loopback).
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push(
        (await post('login', { username: 'nobody-else', password: 'x' }, from('203.0.113.7'))).status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another address, or another username from the same address, is not held back by these failures.
    expect(
      (await post('login', { username: 'nobody-else', password: 'x' }, from('203.0.113.8'))).status,
    ).toBe(401);
    expect(
      (await post('login', { username: 'clerk02', password: DEV_PASSWORD }, from('203.0.113.7'))).status,
    ).toBe(200);
  });

  it('changes a password after checking the current one and the policy, ending every session', async () => {
    const session = (await login('zfw02')).body as Session;
    const auth = { authorization: `Bearer ${session.accessToken}` };
    const change = (currentPassword: string, newPassword: string) =>
      post('password', { currentPassword, newPassword }, auth);

    expect((await change('wrong', 'qingtian-2026-yu')).body).toMatchObject({
      error: { code: 'AUTH.CURRENT_PASSWORD_WRONG' },
    });
    const weak = await change(DEV_PASSWORD, 'short1');
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({
      error: { code: 'AUTH.WEAK_PASSWORD', details: [{ field: 'newPassword' }] },
    });

    expect((await change(DEV_PASSWORD, 'qingtian-2026-yu')).status).toBe(204);
    expect((await post('refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    expect((await login('zfw02')).status).toBe(401);
    expect((await login('zfw02', 'qingtian-2026-yu')).status).toBe(200);
  });
});
