import {
  Anchor,
  Button,
  Group,
  Image,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';

// The media routes take the session cookie, so plain <img> elements load them: no blob copies
// of every photo in memory.
const thumbnailUrl = (id: string) => `/api/media/${id}/thumbnail`;
const fileUrl = (id: string) => `/api/media/${id}`;

/** The report's photos as thumbnails; one opens full size in a lightbox, with previous/next. */
export function IssuePhotos({ mediaIds }: { mediaIds: readonly string[] }) {
  const [shown, setShown] = useState<number | null>(null);
  const current = shown === null ? undefined : mediaIds[shown];
  return (
    <>
      <Text size="xs" c="dimmed" mt="md" mb={6}>
        {mediaIds.length === 1 ? '1 photo' : `${mediaIds.length} photos`}
      </Text>
      <SimpleGrid cols={{ base: 3, sm: 4, md: 6 }} spacing="xs">
        {mediaIds.map((id, index) => (
          <UnstyledButton
            key={id}
            onClick={() => setShown(index)}
            aria-label={`Open photo ${index + 1}`}
          >
            <Image
              src={thumbnailUrl(id)}
              alt={`Photo ${index + 1} of the report`}
              radius="sm"
              h={96}
              fit="cover"
              // Videos and other files have no thumbnail: a neutral tile still opens them.
              fallbackSrc="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='96' height='96'%3E%3Crect width='96' height='96' fill='%23dee2e6'/%3E%3C/svg%3E"
            />
          </UnstyledButton>
        ))}
      </SimpleGrid>
      <Modal
        opened={current !== undefined}
        onClose={() => setShown(null)}
        title={shown === null ? '' : `Photo ${shown + 1} of ${mediaIds.length}`}
        size="xl"
        centered
      >
        {current && shown !== null && (
          <Stack gap="sm">
            <Image
              src={fileUrl(current)}
              alt={`Photo ${shown + 1} of the report`}
              fit="contain"
              mah="70vh"
            />
            <Group justify="space-between">
              <Button variant="default" disabled={shown === 0} onClick={() => setShown(shown - 1)}>
                Previous
              </Button>
              <Anchor href={fileUrl(current)} target="_blank" rel="noopener" size="sm">
                Open the original
              </Anchor>
              <Button
                variant="default"
                disabled={shown === mediaIds.length - 1}
                onClick={() => setShown(shown + 1)}
              >
                Next
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
