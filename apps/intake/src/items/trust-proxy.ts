import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application } from 'express';
import { IntakeConfig, trustProxySetting } from '../intake.config';

/** Applies TRUST_PROXY, so the portal's per-IP limit sees the citizen's address rather than the proxy's. */
@Injectable()
export class TrustProxy implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: IntakeConfig,
  ) {}

  onApplicationBootstrap(): void {
    const app = this.adapterHost.httpAdapter.getInstance<Application>();
    app.set('trust proxy', trustProxySetting(this.config.TRUST_PROXY));
  }
}
