export * from './errors';
export * from './common/common.schemas';
export * from './auth/auth.schemas';
export * from './health/health.schemas';
export * from './system/system.schemas';
export * from './jobs';
export * from './socket-events';
