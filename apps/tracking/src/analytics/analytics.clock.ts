import { Injectable } from '@nestjs/common';

/** "Now" for the figures; a provider so tests can pin it. */
@Injectable()
export class AnalyticsClock {
  now(): Date {
    return new Date();
  }
}
