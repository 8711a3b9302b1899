import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'storyos:isPublic';

/** Every route needs a signed-in user unless marked public (health, metrics, sign-in): the auth guard reads this mark. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
