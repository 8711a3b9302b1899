import { useEffect, useState } from 'react';
import { mediaBlob } from './story-cache';

/**
 * A picture or narration shown from a blob URL: read from this device when
 * stored, else fetched with the token (an <img> or <audio> cannot send it)
 * and, when `store` is set, kept for offline reading.
 */
export function useStoredMediaUrl(url: string | null, store: boolean): { src: string | null; failed: boolean } {
  const [state, setState] = useState<{ url: string | null; src: string | null; failed: boolean }>({ url: null, src: null, failed: false });
  useEffect(() => {
    if (!url) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    mediaBlob(url, store)
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setState({ url, src: objectUrl, failed: false });
      })
      .catch(() => !cancelled && setState({ url, src: null, failed: true }));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, store]);
  return state.url === url ? { src: state.src, failed: state.failed } : { src: null, failed: false };
}
