import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { StaffAuth1764300000000 } from './1764300000000-staff-auth';

export const trackingMigrations = [InitialSchema1764000000000, StaffAuth1764300000000];
