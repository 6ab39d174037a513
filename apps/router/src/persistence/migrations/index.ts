import { OutboxLocalWake17649000000000 } from '@app/messaging';
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { RulesAndAssignments17644000000000 } from './17644000000000-rules-and-assignments';
import { OpenRepeatIndex17652000000000 } from './17652000000000-open-repeat-index';
import { DecisionTimeAtWrite17655000000000 } from './17655000000000-decision-time-at-write';

export const routerMigrations = [
  InitialSchema1764000000000,
  RulesAndAssignments17644000000000,
  OutboxLocalWake17649000000000,
  OpenRepeatIndex17652000000000,
  DecisionTimeAtWrite17655000000000,
];
