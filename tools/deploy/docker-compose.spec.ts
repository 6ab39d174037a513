import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** No Docker engine here, so the compose file is checked for structure: what it runs and how it is wired. */
const root = join(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, unknown>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: unknown };
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const services = compose.services;

  it('runs Kafka (official image, KRaft), PostgreSQL, the three services and the web app', () => {
    expect(Object.keys(services).sort()).toEqual([
      'intake',
      'kafka',
      'postgres',
      'router',
      'tracking',
      'web',
    ]);
    expect(services.kafka?.image).toMatch(/^apache\/kafka:/);
    expect(services.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(services.postgres?.image).toMatch(/^postgres:/);
  });

  it.each(['intake', 'router', 'tracking'])(
    '%s is built here, configured, health-checked and waits for its infrastructure',
    (name) => {
      const service = services[name]!;
      expect(service.build).toBe('.');
      expect(service.command).toEqual(['node', `dist/apps/${name}/src/main.js`]);
      expect(service.environment).toMatchObject({ KAFKA_BROKERS: 'kafka:9092' });
      expect(String(service.environment?.DATABASE_URL)).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(service.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        kafka: { condition: 'service_healthy' },
      });
      expect(JSON.stringify(service.healthcheck?.test)).toContain('/health/ready');
    },
  );

  it('serves the web app, proxying to the three services once they are healthy', () => {
    const web = services.web!;
    expect(web.build).toBe('.');
    expect(web.command).toEqual(['node', 'dist/apps/web/src/main.js']);
    expect(web.environment).toMatchObject({
      INTAKE_URL: 'http://intake:3001',
      ROUTER_URL: 'http://router:3002',
      TRACKING_URL: 'http://tracking:3003',
    });
    expect(Object.keys(web.depends_on ?? {}).sort()).toEqual(['intake', 'router', 'tracking']);
    expect(JSON.stringify(web.healthcheck?.test)).toContain('/health/ready');
  });

  it('builds from a Dockerfile that compiles the same entry points', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile).toMatch(/FROM node:20/);
  });
});
