import { z } from 'zod';

export const UuidSchema = z.uuid({ message: 'Must be a valid id' });

/** ISO-8601 timestamps travel as strings. */
export const TimestampSchema = z.iso.datetime({ offset: true });
