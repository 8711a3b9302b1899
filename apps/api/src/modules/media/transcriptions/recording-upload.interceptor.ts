import { Injectable } from '@nestjs/common';
import { MAX_RECORDING_BYTES, UPLOAD_FIELD_NAME } from '@storyos/contracts';
import { singleFileReader } from '../uploads/read-single-file';
import { ThrottledFileInterceptor } from '../uploads/throttled-file.interceptor';
import { UploadThrottle } from '../uploads/upload-throttle';

/** A recording to transcribe: one file of at most MAX_RECORDING_BYTES in the `file` field, within the same upload throttle as pictures. */
@Injectable()
export class RecordingUploadInterceptor extends ThrottledFileInterceptor {
  constructor(throttle: UploadThrottle) {
    super(throttle, singleFileReader({ field: UPLOAD_FIELD_NAME, maxBytes: MAX_RECORDING_BYTES, noun: 'recording' }));
  }
}
