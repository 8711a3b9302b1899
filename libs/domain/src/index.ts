export * from './entitlements/daily-quota';
export * from './auth/initial-role';
export * from './generation/text-provider';
