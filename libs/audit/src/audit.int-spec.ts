import {
  Body,
  Controller,
  Get,
  Module,
  Param,
  Post,
  type DynamicModule,
  type INestApplication,
} from '@nestjs/common';
import type { AddressInfo, Server } from 'node:net';
import { IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { StaffOnly } from '@app/auth';
import { loadConfig, ServiceConfig } from '@app/config';
import { platformModules, runService } from '@app/runtime';
import { eventually, isolatedEnv, staffAuth, type IsolatedEnv } from '@app/testing';
import { AuditRead } from './audit-read.decorator';
import { AuditWriter } from './audit-writer';

class NoteDto {
  @IsString()
  text: string;
}

@Controller('t/items')
class ProbeController {
  @Get(':itemId')
  @StaffOnly('worker', 'committee')
  @AuditRead('item')
  read(@Param('itemId') itemId: string) {
    return { itemId, citizen: { name: '张三' } };
  }

  @Get(':itemId/status')
  @StaffOnly('worker', 'committee')
  status() {
    return { status: 'assigned' };
  }

  @Post(':itemId/notes')
  @StaffOnly('worker')
  note(@Param('itemId') itemId: string, @Body() body: NoteDto) {
    return { id: `${itemId}-note`, text: body.text };
  }
}

class ProbeConfig extends ServiceConfig {}

@Module({})
class ProbeModule {
  static register(config: ProbeConfig): DynamicModule {
    return {
      module: ProbeModule,
      imports: platformModules(config, {
        service: 'router',
        schema: 'audittest',
        entities: [],
        migrations: [],
      }),
      controllers: [ProbeController],
    };
  }
}

interface AuditRow {
  action: string;
  actor_username: string;
  actor_role: string;
  route: string;
  target_type: string | null;
  target_id: string | null;
  status: number;
}

/** The audit log on real PostgreSQL: what is written, that it is append-only, and that it survives an outage. */
describe('audit log (real PostgreSQL)', () => {
  let env: IsolatedEnv;
  let app: INestApplication;
  let db: DataSource;
  let base: string;

  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  };
  const rowsFor = (itemId: string): Promise<AuditRow[]> =>
    db.query(
      `SELECT action, actor_username, actor_role, route, target_type, target_id, status
       FROM audit_log WHERE params->>'itemId' = $1 ORDER BY id`,
      [itemId],
    );

  beforeAll(async () => {
    env = await isolatedEnv('audit');
    const config = loadConfig(ProbeConfig, { ...env.serviceEnv, PORT: '0' });
    app = await runService(ProbeModule.register(config), config, {
      title: 'audit test',
      description: '',
      consumes: false,
    });
    db = app.get(DataSource);
    base = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await env?.drop();
  });

  it('records marked reads and every change with actor, route, target and final status', async () => {
    const worker = staffAuth('worker', { username: 'ga-dc-01', sub: 'ga-dc-01', unitId: 'ga-dc' });
    expect(await call('GET', '/t/items/i-1', worker)).toBe(200);
    expect(await call('GET', '/t/items/i-1/status', worker)).toBe(200);
    expect(await call('POST', '/t/items/i-1/notes', worker, { text: '已联系' })).toBe(201);
    expect(await call('POST', '/t/items/i-1/notes', worker, { text: 3 })).toBe(400);
    expect(await call('POST', '/t/items/i-1/notes', staffAuth('committee', { username: 'zfw01' }), {})).toBe(
      403,
    );
    expect(await call('POST', '/t/items/i-1/notes', {}, { text: 'x' })).toBe(401);

    const rows = await eventually('four audit entries', () => rowsFor('i-1'), {
      accept: (r) => r.length >= 4,
    });
    // The unmarked read and the anonymous (401) call leave no entry.
    expect(rows).toEqual([
      {
        action: 'read',
        actor_username: 'ga-dc-01',
        actor_role: 'worker',
        route: '/t/items/:itemId',
        target_type: 'item',
        target_id: 'i-1',
        status: 200,
      },
      expect.objectContaining({
        action: 'change',
        route: '/t/items/:itemId/notes',
        target_id: 'i-1',
        status: 201,
      }),
      expect.objectContaining({ action: 'change', actor_username: 'ga-dc-01', status: 400 }),
      expect.objectContaining({
        action: 'change',
        actor_username: 'zfw01',
        actor_role: 'committee',
        status: 403,
      }),
    ]);
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    for (const sql of [`UPDATE audit_log SET status = 200`, `DELETE FROM audit_log`, `TRUNCATE audit_log`]) {
      await expect(db.query(sql)).rejects.toThrow(/append-only/);
    }
  });

  it('does not fail requests while the table is unreachable, and writes the entries once it is back', async () => {
    await db.query(`ALTER TABLE audit_log RENAME TO audit_log_away`);
    const worker = staffAuth('worker', { username: 'ga-dc-02' });
    try {
      expect(await call('GET', '/t/items/i-2', worker)).toBe(200);
      expect(await call('POST', '/t/items/i-2/notes', worker, { text: '补充材料' })).toBe(201);
      await eventually(
        'the writer to hold the failed entries',
        () => Promise.resolve(app.get(AuditWriter).pending),
        {
          accept: (n) => n >= 2,
        },
      );
    } finally {
      await db.query(`ALTER TABLE audit_log_away RENAME TO audit_log`);
    }
    const rows = await eventually('the held entries to be written', () => rowsFor('i-2'), {
      accept: (r) => r.length === 2,
      timeoutMs: 15_000,
    });
    expect(rows.map((r) => [r.action, r.status])).toEqual([
      ['read', 200],
      ['change', 201],
    ]);
  });

  it('serves the log to the committee and admin, filtered by actor, and refuses workers', async () => {
    const res = await fetch(`${base}/api/v1/audit?actor=ga-dc-01&limit=2`, {
      headers: staffAuth('committee'),
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      entries: { actorUsername: string; action: string }[];
      nextBefore: string;
    };
    expect(page.entries).toHaveLength(2);
    expect(page.entries.every((e) => e.actorUsername === 'ga-dc-01')).toBe(true);
    expect(page.nextBefore).toMatch(/^\d+$/);
    expect(await call('GET', '/api/v1/audit', staffAuth('worker'))).toBe(403);
    expect(await call('GET', '/api/v1/audit?from=yesterday', staffAuth('admin'))).toBe(400);
  });
});
