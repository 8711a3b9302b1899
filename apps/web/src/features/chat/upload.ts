import { UPLOAD_FIELD_NAME } from '@storyos/contracts';
import { ApiError } from '../../lib/api-error';
import { refreshSession } from '../../lib/http';
import { sessionStore } from '../../lib/session-store';

function send<T>(path: string, file: File, token: string | null, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<{ status: number; body: T | unknown }> {
  return new Promise((resolve, reject) => {
    // fetch cannot report upload progress; XMLHttpRequest can.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: a proxy's page; ApiError words it.
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(ApiError.network());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append(UPLOAD_FIELD_NAME, file, file.name);
    xhr.send(form);
  });
}

/** Uploads one file as multipart form data, reporting progress; refreshes an expired token once, like every other call. */
export async function uploadWithProgress<T>(path: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  const token = sessionStore.getAccessToken();
  let answer = await send<T>(path, file, token, onProgress, signal);
  if (answer.status === 401 && token) {
    const fresh = (await refreshSession())?.accessToken;
    if (fresh) answer = await send<T>(path, file, fresh, onProgress, signal);
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body as T;
  throw ApiError.fromBody(answer.status, answer.body);
}
