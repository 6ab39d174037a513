import { OutboxLocalWake17649000000000 } from '@app/messaging';
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { RequestFingerprint17645000000000 } from './17645000000000-request-fingerprint';
import { ItemProgress17645000000001 } from './17645000000001-item-progress';

/** Committed migrations, applied in order at start. */
export const intakeMigrations = [
  InitialSchema1764000000000,
  RequestFingerprint17645000000000,
  ItemProgress17645000000001,
  OutboxLocalWake17649000000000,
];
