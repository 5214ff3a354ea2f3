import { ActionIcon, Center, Group, Image, Modal, Text, UnstyledButton } from '@mantine/core';
import { useEffect } from 'react';
import { IconChevronLeft, IconChevronRight } from '../components/icons.js';

export interface Photo {
  readonly mediaId: string;
  /** What it shows, e.g. the action and step it answers. */
  readonly caption: string;
}

const thumbnailUrl = (mediaId: string) => `/api/media/${mediaId}/thumbnail`;
const fullUrl = (mediaId: string) => `/api/media/${mediaId}`;

/** A photo's thumbnail that opens the lightbox. Media are served to the session's cookie. */
export function PhotoThumbnail({ photo, onOpen }: { photo: Photo; onOpen: () => void }) {
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-label={`Open photo: ${photo.caption}`}
      data-testid="photo-thumbnail"
      style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden', lineHeight: 0 }}
    >
      <Image src={thumbnailUrl(photo.mediaId)} alt={photo.caption} w={96} h={96} fit="cover" />
    </UnstyledButton>
  );
}

/**
 * The full image, one of the execution's photos at a time: arrows (on screen or the keyboard's
 * left and right) go through them, Escape closes.
 */
export function PhotoLightbox({
  photos,
  index,
  onIndexChange,
  onClose,
}: {
  photos: readonly Photo[];
  index: number | null;
  onIndexChange: (index: number) => void;
  onClose: () => void;
}) {
  const photo = index === null ? null : photos[index];
  const count = photos.length;

  useEffect(() => {
    if (index === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight') onIndexChange((index + 1) % count);
      if (event.key === 'ArrowLeft') onIndexChange((index - 1 + count) % count);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, count, onIndexChange]);

  return (
    <Modal
      opened={photo !== undefined && photo !== null}
      onClose={onClose}
      size="xl"
      centered
      title={photo ? `Photo ${index! + 1} of ${count}` : ''}
    >
      {photo && (
        <>
          <Center bg="dark.8" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
            <Image
              src={fullUrl(photo.mediaId)}
              alt={photo.caption}
              mah="70vh"
              fit="contain"
              data-testid="lightbox-image"
            />
          </Center>
          <Group justify="space-between" mt="sm" wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Previous photo"
              disabled={count < 2}
              onClick={() => onIndexChange((index! - 1 + count) % count)}
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
            <Text size="sm" ta="center">
              {photo.caption}
            </Text>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Next photo"
              disabled={count < 2}
              onClick={() => onIndexChange((index! + 1) % count)}
            >
              <IconChevronRight size={18} />
            </ActionIcon>
          </Group>
        </>
      )}
    </Modal>
  );
}
