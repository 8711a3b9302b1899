/** Redis keys of one generation's live stream. */
export const streamKeys = (prefix: string, generationId: string) => ({
  entries: `${prefix}:gen:${generationId}:stream`,
  stop: `${prefix}:gen:${generationId}:stop`,
});

export const stopChannel = (prefix: string): string => `${prefix}:gen:stop`;

/** Entry ids are `<seq>-1`, so seq order is Redis order and a stale writer cannot go backwards. */
export const entryId = (seq: number): string => `${seq}-1`;
export const seqOf = (id: string): number => Number(id.split('-')[0]);
