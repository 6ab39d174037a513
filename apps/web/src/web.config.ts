import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const HTTP_URL = /^https?:\/\/[^\s/]+(:\d+)?$/;

/**
 * The web front end's settings. It has no database or Kafka of its own: it serves the built SPA and passes
 * `/svc/<service>/…` through to the three services. Property names are the environment variable names.
 */
export class WebConfig {
  /** HTTP port (`npm start` passes WEB_PORT here, default 3000). */
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  @IsNotEmpty()
  HOST: string = '0.0.0.0';

  @Matches(HTTP_URL, { message: 'INTAKE_URL must look like http://host:port' })
  INTAKE_URL: string = 'http://127.0.0.1:3001';

  @Matches(HTTP_URL, { message: 'ROUTER_URL must look like http://host:port' })
  ROUTER_URL: string = 'http://127.0.0.1:3002';

  @Matches(HTTP_URL, { message: 'TRACKING_URL must look like http://host:port' })
  TRACKING_URL: string = 'http://127.0.0.1:3003';

  /** Directory holding the built SPA; by default the one `npm run build` writes next to this server. */
  @IsOptional()
  @IsString()
  WEB_ROOT?: string;

  /**
   * Whose X-Forwarded-For gives the browser's address (Express "trust proxy": false, a hop count, or
   * loopback/linklocal/uniquelocal/addresses); the services are told that one address.
   */
  @IsString()
  @Matches(/^(false|\d+|[a-z0-9.:/,\s]+)$/, {
    message: 'TRUST_PROXY must be false, a hop count or a list of proxies',
  })
  TRUST_PROXY: string = 'loopback';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';
}
