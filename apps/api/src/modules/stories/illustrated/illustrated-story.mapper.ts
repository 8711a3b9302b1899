import type { IllustratedAsset, IllustratedScene, IllustratedStory, IllustratedStoryStatus, IllustratedStorySummary, MediaPart } from '@storyos/contracts';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import { sceneStatus, storyProgress } from './illustrated-status';
import type { IllustratedSceneEntity } from './illustrated-scene.entity';
import type { IllustratedStoryEntity } from './illustrated-story.entity';

/** Media is fetched with the bearer token (or from the offline cache) at this address. */
export const mediaUrl = (mediaId: string): string => `/api/media/${mediaId}`;
/** One MP3 of a scene's whole narration, its pieces joined. */
export const sceneAudioUrl = (storyId: string, sceneId: string): string => `/api/illustrated-stories/${storyId}/scenes/${sceneId}/audio`;

type Generations = ReadonlyMap<string, GenerationEntity>;

const partsOf = (generations: Generations, id: string | null): MediaPart[] => (id ? (generations.get(id)?.media ?? []) : []);
const assetsOf = (scene: IllustratedSceneEntity) => [scene.textStatus, scene.imageStatus, scene.narrationStatus];

function imageOf(scene: IllustratedSceneEntity, generations: Generations): IllustratedAsset {
  const parts = partsOf(generations, scene.imageGenerationId);
  const done = scene.imageStatus === 'COMPLETED' && parts[0];
  return { status: scene.imageStatus, generationId: scene.imageGenerationId, url: done ? mediaUrl(parts[0]!.mediaId) : null, parts, error: scene.imageError };
}

function narrationOf(story: IllustratedStoryEntity, scene: IllustratedSceneEntity, generations: Generations): IllustratedAsset {
  const parts = partsOf(generations, scene.narrationGenerationId);
  const done = scene.narrationStatus === 'COMPLETED' && parts.length > 0;
  return { status: scene.narrationStatus, generationId: scene.narrationGenerationId, url: done ? sceneAudioUrl(story.id, scene.id) : null, parts, error: scene.narrationError };
}

export function toIllustratedScene(story: IllustratedStoryEntity, scene: IllustratedSceneEntity, generations: Generations): IllustratedScene {
  const image = imageOf(scene, generations);
  const narration = narrationOf(story, scene, generations);
  return {
    sceneId: scene.id,
    sequence: scene.sequence,
    status: sceneStatus(assetsOf(scene)),
    text: scene.textStatus === 'COMPLETED' ? scene.text : '',
    textStatus: scene.textStatus,
    textGenerationId: scene.textGenerationId,
    textError: scene.textError,
    imageUrl: image.url,
    audioUrl: narration.url,
    image,
    narration,
  };
}

function coverOf(scenes: readonly IllustratedSceneEntity[], generations: Generations): string | null {
  for (const scene of scenes) {
    const part = scene.imageStatus === 'COMPLETED' ? partsOf(generations, scene.imageGenerationId)[0] : undefined;
    if (part) return mediaUrl(part.mediaId);
  }
  return null;
}

export function toIllustratedSummary(story: IllustratedStoryEntity, scenes: readonly IllustratedSceneEntity[], generations: Generations): IllustratedStorySummary {
  return {
    storyId: story.id,
    title: story.title,
    status: story.status,
    progress: storyProgress(scenes.flatMap(assetsOf)),
    stopped: story.stopped,
    error: story.error,
    sceneCount: scenes.length,
    coverUrl: coverOf(scenes, generations),
    createdAt: story.createdAt.toISOString(),
    updatedAt: story.updatedAt.toISOString(),
  };
}

export function toIllustratedStory(story: IllustratedStoryEntity, scenes: readonly IllustratedSceneEntity[], generations: Generations): IllustratedStory {
  return {
    ...toIllustratedSummary(story, scenes, generations),
    requirements: story.requirements,
    conversationId: story.conversationId,
    scenes: scenes.map((scene) => toIllustratedScene(story, scene, generations)),
  };
}

export function toIllustratedStatus(story: IllustratedStoryEntity, scenes: readonly IllustratedSceneEntity[]): IllustratedStoryStatus {
  return {
    storyId: story.id,
    status: story.status,
    progress: storyProgress(scenes.flatMap(assetsOf)),
    stopped: story.stopped,
    error: story.error,
    scenes: scenes.map((scene) => ({ sceneId: scene.id, sequence: scene.sequence, status: sceneStatus(assetsOf(scene)), text: scene.textStatus, image: scene.imageStatus, narration: scene.narrationStatus })),
  };
}
