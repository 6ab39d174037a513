import { AnalyticsFacts17642000000000 } from '../../analytics/persistence/migrations/17642000000000-analytics-facts';
import { BoundedCandidates17651000000000 } from '../../analytics/persistence/migrations/17651000000000-bounded-candidates';
import { CandidateKeyIndex17653000000000 } from '../../analytics/persistence/migrations/17653000000000-candidate-key-index';
import { HotSpotPeople17654000000000 } from '../../analytics/persistence/migrations/17654000000000-hot-spot-people';
import { HashedCandidateKeys17656000000000 } from '../../analytics/persistence/migrations/17656000000000-hashed-candidate-keys';
import { OutboxLocalWake17649000000000 } from '@app/messaging';
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { TaskDesk17641000000000 } from './17641000000000-task-desk';
import { TimelineRecordedAt17655000000000 } from './17655000000000-timeline-recorded-at';

export const trackingMigrations = [
  InitialSchema1764000000000,
  TaskDesk17641000000000,
  AnalyticsFacts17642000000000,
  OutboxLocalWake17649000000000,
  BoundedCandidates17651000000000,
  CandidateKeyIndex17653000000000,
  HotSpotPeople17654000000000,
  TimelineRecordedAt17655000000000,
  HashedCandidateKeys17656000000000,
];
