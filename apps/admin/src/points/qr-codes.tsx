import { Center, Image, Loader, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { describeError } from '../api/problem.js';
import { qrCodeImageQueryOptions, type Point } from './points.queries.js';

/** The point's current QR code, as it will print. */
export function QrCodePreview({ point, size = 168 }: { point: Point; size?: number }) {
  const api = useApi();
  const image = useQuery(qrCodeImageQueryOptions(api, point));
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!image.data) return;
    const objectUrl = URL.createObjectURL(image.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [image.data]);

  return (
    <Paper withBorder radius="md" p="xs" w={size + 18} bg="white">
      <Center h={size} w={size}>
        {image.isError ? (
          <Text size="xs" c="red" ta="center">
            {describeError(image.error)}
          </Text>
        ) : url ? (
          <Image src={url} alt={`QR code of ${point.name}`} w={size} h={size} />
        ) : (
          <Loader size="sm" />
        )}
      </Center>
    </Paper>
  );
}

/**
 * Opens a PDF the API renders in a new tab. The tab is opened before the request so the
 * browser counts it as the person's click (a tab opened after an await is blocked as a pop-up).
 */
export function useOpenPdf() {
  const [pending, setPending] = useState(false);
  const open = async (load: () => Promise<Blob>) => {
    const tab = window.open('', '_blank');
    setPending(true);
    try {
      const url = URL.createObjectURL(await load());
      if (tab) tab.location.href = url;
      else {
        // A pop-up blocker refused the tab: hand the file over as a download instead.
        const link = document.createElement('a');
        link.href = url;
        link.download = 'qr-sheet.pdf';
        link.click();
      }
      // The tab has loaded the document well within a minute; the URL is not needed after.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      tab?.close();
      notifications.show({
        color: 'red',
        title: 'The QR sheet could not be made',
        message: describeError(error),
      });
    } finally {
      setPending(false);
    }
  };
  return { open, pending };
}
