import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { DEV_PASSWORD, STAFF } from '@app/reference-data';
import { TrackingConfig } from '../tracking.config';
import { StaffUsersRepository } from './persistence/staff-users.repository';

/**
 * With STAFF_SEED=dev, adds the reference staff accounts (libs/reference-data) that are missing, all with the
 * development password, hashed once with argon2id. Existing accounts are never touched.
 */
@Injectable()
export class SeedDevStaff implements OnApplicationBootstrap {
  private readonly logger = new Logger('SeedDevStaff');

  constructor(
    private readonly users: StaffUsersRepository,
    private readonly config: TrackingConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.STAFF_SEED !== 'dev') return;
    if ((await this.users.count()) >= STAFF.length) return;
    const added = await this.users.insertMissing(
      STAFF.map((s) => ({
        id: s.id,
        username: s.username,
        name: s.name,
        role: s.role,
        agency: s.agency,
        unitId: s.unitId,
      })),
      await hash(DEV_PASSWORD),
    );
    if (added > 0) this.logger.warn({ added }, 'seeded development staff accounts (STAFF_SEED=dev)');
  }
}
