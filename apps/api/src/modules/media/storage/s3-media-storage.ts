import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { AppConfig } from '../../../core/config/app-config';
import { MissingMediaError, type ByteRange, type MediaStorage } from './media-storage';

export type S3StorageConfig = Extract<AppConfig['media']['storage'], { kind: 's3' }>;

/** Media in an S3-compatible bucket (AWS, MinIO, R2, Backblaze, Ceph…) through the AWS SDK v3. */
export class S3MediaStorage implements MediaStorage {
  readonly kind = 's3';
  readonly detail: string;
  private readonly client: S3Client;

  constructor(private readonly config: S3StorageConfig) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Many S3-compatible servers reject the newer default checksum headers; send them only where S3 requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.detail = `S3 bucket ${config.bucket}${config.endpoint ? ` at ${new URL(config.endpoint).host}` : ''}`;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    if (await this.exists(key)) return;
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key), Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      if (!(object.Body instanceof Readable)) throw new Error('The S3 client returned no readable body');
      return object.Body;
    } catch (error) {
      if (isNotFound(error)) throw new MissingMediaError(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    return this.config.prefix ? `${this.config.prefix.replace(/\/+$/, '')}/${key}` : key;
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
  return false;
}
