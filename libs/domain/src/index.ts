export * from './entitlements/daily-quota';
export * from './auth/initial-role';
