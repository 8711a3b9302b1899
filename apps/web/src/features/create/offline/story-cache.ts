import type { IllustratedStory } from '@storyos/contracts';
import { authorizedFetch } from '../../../lib/authorized-fetch';
import { type ShelfEntry, shelfIndex } from './shelf-index';

/**
 * Offline copies of illustrated stories. The page, not the service worker,
 * does this: media needs the bearer token, which lives in the page's memory
 * only. The page fetches each picture and narration with the token and puts
 * the bytes in Cache Storage keyed by their URL (media bytes never change at
 * a URL, so a copy never goes stale); the story itself is stored under its
 * API URL. The service worker only keeps the app shell, so a reload with the
 * network off starts the app, which then reads from here.
 */
const CACHE_NAME = 'storyos-stories-v1';

const storyKey = (storyId: string) => `/api/illustrated-stories/${storyId}`;
const cacheAvailable = () => typeof caches !== 'undefined';

/** Every picture and narration the reader shows for the story. */
export function mediaUrlsOf(story: IllustratedStory): string[] {
  const urls = story.scenes.flatMap((scene) => [scene.imageUrl, scene.audioUrl]);
  return [...new Set([story.coverUrl, ...urls].filter((url): url is string => url !== null))];
}

async function open(): Promise<Cache | null> {
  return cacheAvailable() ? caches.open(CACHE_NAME) : null;
}

/** The media's bytes: from the device when stored, else fetched with the token (and stored when asked to). */
export async function mediaBlob(url: string, store: boolean): Promise<Blob> {
  const cache = await open();
  const stored = await cache?.match(url);
  if (stored) return stored.blob();
  const response = await authorizedFetch(url);
  if (store && cache) await cache.put(url, response.clone());
  return response.blob();
}

export async function readStoredStory(storyId: string): Promise<IllustratedStory | null> {
  const stored = await (await open())?.match(storyKey(storyId));
  return stored ? ((await stored.json()) as IllustratedStory) : null;
}

async function drop(entries: readonly ShelfEntry[]): Promise<void> {
  const cache = await open();
  if (cache) {
    for (const entry of entries) {
      const story = await readStoredStory(entry.storyId);
      const keys = [storyKey(entry.storyId), ...(story ? mediaUrlsOf(story) : [])];
      await Promise.all(keys.map((key) => cache.delete(key)));
    }
  }
  shelfIndex.remove(entries.map((entry) => entry.storyId));
}

/**
 * Stores the story's text as it is now (an opened story is readable offline;
 * its media joins as it is shown). Older opened-not-kept stories make room.
 */
export async function storeStory(story: IllustratedStory, ownerId: string): Promise<void> {
  const cache = await open();
  if (!cache) return;
  await cache.put(storyKey(story.storyId), new Response(JSON.stringify(story), { headers: { 'Content-Type': 'application/json' } }));
  const previous = shelfIndex.get(story.storyId);
  shelfIndex.put({ storyId: story.storyId, title: story.title, coverUrl: story.coverUrl, kept: previous?.kept ?? false, ownerId, openedAt: Date.now() });
  await drop(shelfIndex.overflow());
}

/** "Keep offline": the story and every picture and narration it has now are stored on this device. */
export async function keepStory(story: IllustratedStory, ownerId: string): Promise<void> {
  await storeStory(story, ownerId);
  for (const url of mediaUrlsOf(story)) await mediaBlob(url, true);
  const entry = shelfIndex.get(story.storyId);
  if (entry) shelfIndex.put({ ...entry, kept: true });
}

/** Media that landed after the story was kept is stored too, so the kept copy stays whole. */
export async function refreshKeptStory(story: IllustratedStory, ownerId: string): Promise<void> {
  if (shelfIndex.get(story.storyId)?.kept) await keepStory(story, ownerId);
  else await storeStory(story, ownerId);
}

/** "Keep offline" off: the copy on this device goes. */
export async function forgetStory(storyId: string): Promise<void> {
  const entry = shelfIndex.get(storyId);
  if (entry) await drop([entry]);
}

/** Everything stored for other accounts, or for nobody once the user logs out. */
export async function forgetStoriesNotOwnedBy(ownerId: string | null): Promise<void> {
  await drop(shelfIndex.entries().filter((entry) => entry.ownerId !== ownerId));
}
