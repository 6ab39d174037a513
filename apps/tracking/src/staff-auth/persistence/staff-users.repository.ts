import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { StaffRole } from '@app/auth';
import type { Agency } from '@app/contracts';

/** A staff account as stored. Stays in the persistence folder; APIs answer with StaffUserDto. */
export interface StaffUserRow {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  agency: Agency;
  unitId: string | null;
  passwordHash: string;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
}

export type NewStaffUser = Pick<StaffUserRow, 'id' | 'username' | 'name' | 'role' | 'agency' | 'unitId'>;

const COLUMNS = `id, username, name, role, agency, unit_id AS "unitId", password_hash AS "passwordHash", active,
  failed_logins AS "failedLogins", locked_until AS "lockedUntil"`;

@Injectable()
export class StaffUsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<StaffUserRow | undefined> {
    const rows: StaffUserRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM staff_users WHERE username = $1`,
      [username],
    );
    return rows[0];
  }

  async findById(id: string): Promise<StaffUserRow | undefined> {
    const rows: StaffUserRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM staff_users WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async recordFailure(id: string, failedLogins: number, lockedUntil: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE staff_users SET failed_logins = $2, locked_until = $3 WHERE id = $1`,
      [id, failedLogins, lockedUntil],
    );
  }

  async recordSuccess(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE staff_users SET failed_logins = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1`,
      [id, at],
    );
  }

  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE staff_users SET password_hash = $2, failed_logins = 0 WHERE id = $1`, [
      id,
      passwordHash,
    ]);
  }

  /** Adds accounts that are missing; existing ones (and their passwords) are left as they are. */
  async insertMissing(users: readonly NewStaffUser[], passwordHash: string): Promise<number> {
    if (users.length === 0) return 0;
    const result: unknown[] = await this.dataSource.query(
      `INSERT INTO staff_users (id, username, name, role, agency, unit_id, password_hash)
       SELECT u.id, u.username, u.name, u.role, u.agency, u.unit_id, $2
       FROM jsonb_to_recordset($1::jsonb) AS u(id text, username text, name text, role text, agency text, unit_id text)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        JSON.stringify(
          users.map((u) => ({
            id: u.id,
            username: u.username,
            name: u.name,
            role: u.role,
            agency: u.agency,
            unit_id: u.unitId,
          })),
        ),
        passwordHash,
      ],
    );
    return result.length;
  }

  async count(): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM staff_users`);
    return rows[0]?.n ?? 0;
  }
}
