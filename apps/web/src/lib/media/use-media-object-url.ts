import { useEffect, useState } from 'react';
import { authorizedFetch } from '../authorized-fetch';

/**
 * Media needs the access token, which an <img> cannot send: the picture is
 * fetched with it and shown from a blob URL, released when no longer shown.
 */
export function useMediaObjectUrl(url: string | null): { src: string | null; failed: boolean } {
  const local = url !== null && (url.startsWith('blob:') || url.startsWith('data:'));
  const [state, setState] = useState<{ src: string | null; failed: boolean }>({ src: null, failed: false });
  useEffect(() => {
    if (!url || local) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    authorizedFetch(url)
      .then((response) => response.blob())
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setState({ src: objectUrl, failed: false });
      })
      .catch(() => !cancelled && setState({ src: null, failed: true }));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, local]);
  return local ? { src: url, failed: false } : state;
}
