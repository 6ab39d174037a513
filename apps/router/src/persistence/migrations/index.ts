import { OutboxLocalWake17649000000000 } from '@app/messaging';
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

export const routerMigrations = [InitialSchema1764000000000, OutboxLocalWake17649000000000];
