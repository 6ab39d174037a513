import { Injectable } from '@nestjs/common';

/** The time source of use cases and the sweep; tests replace it to move time on. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
