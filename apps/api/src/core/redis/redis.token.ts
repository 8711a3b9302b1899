import { Inject } from '@nestjs/common';

export const REDIS = Symbol('REDIS');
/** The shared command connection. */
export const InjectRedis = (): ParameterDecorator => Inject(REDIS);
