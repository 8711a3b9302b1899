import { Injectable } from '@nestjs/common';
import { MAX_UPLOAD_BYTES, UPLOAD_FIELD_NAME } from '@storyos/contracts';
import { singleFileReader } from './read-single-file';
import { ThrottledFileInterceptor } from './throttled-file.interceptor';
import { UploadThrottle } from './upload-throttle';

/** A picture upload: one file of at most MAX_UPLOAD_BYTES in the `file` field, read after the throttle admits it. */
@Injectable()
export class MultipartUploadInterceptor extends ThrottledFileInterceptor {
  constructor(throttle: UploadThrottle) {
    super(throttle, singleFileReader({ field: UPLOAD_FIELD_NAME, maxBytes: MAX_UPLOAD_BYTES, noun: 'picture' }));
  }
}
