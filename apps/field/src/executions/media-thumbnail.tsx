import { useEffect, useState } from 'react';
import { LOCAL_MEDIA_PREFIX } from '../offline/field-database.js';
import { useFieldServices } from '../offline/field-services.js';

/**
 * A photo of an answer or report: from the device while it is not uploaded (or taken here), from
 * the server otherwise, so the performer sees their photos offline too.
 */
export function MediaThumbnail({ mediaId, alt }: { mediaId: string; alt: string }) {
  const { queue } = useFieldServices();
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    const stored = mediaId.startsWith(LOCAL_MEDIA_PREFIX)
      ? queue.readMedia(mediaId.slice(LOCAL_MEDIA_PREFIX.length))
      : queue.findMediaByServerId(mediaId);
    void stored.then((media) => {
      if (cancelled) return;
      if (media) {
        objectUrl = URL.createObjectURL(media.blob);
        setUrl(objectUrl);
      } else if (!mediaId.startsWith(LOCAL_MEDIA_PREFIX)) {
        setUrl(`/api/media/${mediaId}/thumbnail`);
      }
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [mediaId, queue]);

  return url ? (
    <img className="thumbnail" src={url} alt={alt} />
  ) : (
    <span className="thumbnail thumbnail-missing" role="img" aria-label={alt} />
  );
}
