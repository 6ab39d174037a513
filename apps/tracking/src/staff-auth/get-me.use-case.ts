import { Injectable } from '@nestjs/common';
import { unauthenticated, type StaffPrincipal } from '@app/auth';
import type { StaffUserDto } from './auth.dto';
import { StaffUsersRepository } from './persistence/staff-users.repository';
import { staffUserDto } from './staff-sessions';

/** The signed-in user's account as stored now (a disabled account is refused even with a live token). */
@Injectable()
export class GetMeUseCase {
  constructor(private readonly users: StaffUsersRepository) {}

  async execute(staff: StaffPrincipal): Promise<StaffUserDto> {
    const user = await this.users.findById(staff.sub);
    if (!user?.active) throw unauthenticated();
    return staffUserDto(user);
  }
}
