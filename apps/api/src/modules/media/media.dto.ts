import { MediaAssetSchema, MediaCapabilitiesSchema, MediaUsageSchema, UuidSchema } from '@storyos/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class MediaIdParams extends createZodDto(z.strictObject({ id: UuidSchema })) {}
export class MediaAssetDto extends createZodDto(MediaAssetSchema) {}
export class MediaUsageDto extends createZodDto(MediaUsageSchema) {}
export class MediaCapabilitiesDto extends createZodDto(MediaCapabilitiesSchema) {}
