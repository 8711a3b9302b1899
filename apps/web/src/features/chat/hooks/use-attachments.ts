import { UploadContentTypeSchema, MAX_CHAT_ATTACHMENTS, MAX_UPLOAD_BYTES, type MediaAsset } from '@storyos/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { chatApi } from '../api';

export interface Attachment {
  key: string;
  name: string;
  /** A local preview until (and after) the upload. */
  previewUrl: string;
  /** 0–1 while uploading. */
  progress: number;
  uploaded: MediaAsset | null;
  error: string | null;
}

const ACCEPTED = UploadContentTypeSchema.options;

/** Pictures picked, dropped or pasted into the composer: previewed at once, uploaded with progress, removable. */
export function useAttachments() {
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  const update = (key: string, change: Partial<Attachment>) => setAttachments((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const add = useCallback((files: Iterable<File>) => {
    for (const file of files) {
      const key = crypto.randomUUID();
      const refused = !ACCEPTED.includes(file.type as (typeof ACCEPTED)[number])
        ? 'Only JPEG, PNG or WebP pictures can be attached.'
        : file.size > MAX_UPLOAD_BYTES
          ? 'This picture is larger than 5 MB.'
          : null;
      const attachment: Attachment = { key, name: file.name, previewUrl: URL.createObjectURL(file), progress: 0, uploaded: null, error: refused };
      setAttachments((list) => (list.length >= MAX_CHAT_ATTACHMENTS ? list : [...list, attachment]));
      if (refused) continue;
      const controller = new AbortController();
      controllers.current.set(key, controller);
      chatApi
        .upload(file, (progress) => update(key, { progress }), controller.signal)
        .then((uploaded) => update(key, { uploaded, progress: 1 }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) update(key, { error: error instanceof Error ? error.message : 'The upload failed.' });
        })
        .finally(() => controllers.current.delete(key));
    }
  }, []);

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setAttachments((list) => {
      const gone = list.find((item) => item.key === key);
      if (gone) URL.revokeObjectURL(gone.previewUrl);
      return list.filter((item) => item.key !== key);
    });
  }, []);

  /** Empties the tray after sending; the previews stay valid for the sent message's first paint. */
  const clear = useCallback(() => setAttachments([]), []);

  useEffect(() => () => controllers.current.forEach((controller) => controller.abort()), []);

  const uploading = attachments.some((item) => !item.uploaded && !item.error);
  // Kept while the attachments are, so the memoised composer is not rendered again for nothing.
  const ready = useMemo(() => attachments.flatMap((item) => (item.uploaded ? [item.uploaded] : [])), [attachments]);
  return { attachments, add, remove, clear, uploading, ready };
}
