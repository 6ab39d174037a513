export * from './staff';
export * from './access-policy';
export * from './access.guard';
export * from './auth.module';
export * from './current-staff.decorator';
export * from './token.service';
