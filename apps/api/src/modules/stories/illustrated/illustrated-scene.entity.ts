import type { IllustratedStatus } from '@storyos/contracts';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The three things a scene is made of; each has a status, the step making it, and why it failed. */
export const SCENE_ASSETS = ['text', 'image', 'narration'] as const;
export type SceneAsset = (typeof SCENE_ASSETS)[number];

/**
 * One scene of an illustrated story. Its text is stored here once written
 * (and passed the age-band check); its picture and narration stay on their
 * media steps (generations), which this row names.
 */
@Entity({ name: 'illustrated_story_scenes' })
export class IllustratedSceneEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'story_id', type: 'uuid' })
  storyId!: string;

  /** 1, 2, 3… */
  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'text_status', type: 'text' })
  textStatus!: IllustratedStatus;

  @Column({ name: 'text_generation_id', type: 'uuid', nullable: true })
  textGenerationId!: string | null;

  @Column({ name: 'text_error', type: 'text', nullable: true })
  textError!: string | null;

  @Column({ name: 'image_status', type: 'text' })
  imageStatus!: IllustratedStatus;

  @Column({ name: 'image_generation_id', type: 'uuid', nullable: true })
  imageGenerationId!: string | null;

  @Column({ name: 'image_error', type: 'text', nullable: true })
  imageError!: string | null;

  @Column({ name: 'narration_status', type: 'text' })
  narrationStatus!: IllustratedStatus;

  @Column({ name: 'narration_generation_id', type: 'uuid', nullable: true })
  narrationGenerationId!: string | null;

  @Column({ name: 'narration_error', type: 'text', nullable: true })
  narrationError!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

type AssetColumns<S extends keyof IllustratedSceneEntity, G extends keyof IllustratedSceneEntity, E extends keyof IllustratedSceneEntity> = { status: S; generationId: G; error: E };

const ASSET_COLUMNS = {
  text: { status: 'textStatus', generationId: 'textGenerationId', error: 'textError' },
  image: { status: 'imageStatus', generationId: 'imageGenerationId', error: 'imageError' },
  narration: { status: 'narrationStatus', generationId: 'narrationGenerationId', error: 'narrationError' },
} as const satisfies Record<SceneAsset, AssetColumns<keyof IllustratedSceneEntity, keyof IllustratedSceneEntity, keyof IllustratedSceneEntity>>;

/** The column names of one asset, so code can treat the three alike. */
export const assetColumns = (asset: SceneAsset): AssetColumns<'textStatus' | 'imageStatus' | 'narrationStatus', 'textGenerationId' | 'imageGenerationId' | 'narrationGenerationId', 'textError' | 'imageError' | 'narrationError'> =>
  ASSET_COLUMNS[asset];
