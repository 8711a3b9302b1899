import type { MediaAttachmentType, MediaKind, MediaProviderName } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';

/** PostgreSQL returns numeric as a string; costs are small enough for a JS number. */
const numeric: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Provider-specific facts worth keeping: the voice, the prompt the provider really used, usage it reported. */
export interface MediaDetails {
  voice?: string;
  revisedPrompt?: string;
  usage?: Record<string, number>;
}

/** One stored picture or sound. Its bytes live in media storage under `sha256`, shared by every row with the same bytes. */
@Entity({ name: 'media_assets' })
export class MediaAssetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text' })
  kind!: MediaKind;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  bytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'integer', nullable: true })
  width!: number | null;

  @Column({ type: 'integer', nullable: true })
  height!: number | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  /** The cleaned name of an uploaded file. */
  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ type: 'text', nullable: true })
  provider!: MediaProviderName | null;

  @Column({ type: 'text', nullable: true })
  model!: string | null;

  @Column({ name: 'cost_cents', type: 'numeric', precision: 12, scale: 4, nullable: true, transformer: numeric })
  costCents!: number | null;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  details!: MediaDetails;

  /** The upload a thumbnail was made from. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ name: 'attached_type', type: 'text', nullable: true })
  attachedType!: MediaAttachmentType | null;

  @Column({ name: 'attached_id', type: 'uuid', nullable: true })
  attachedId!: string | null;

  /** Copied from what it is attached to (a public chat's pictures are public); anyone may read it then. */
  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
