import { Anchor, Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../components/logo.js';

/** The frame of the signed-out pages: the brand, one card, and a line below it. */
export function AuthLayout({
  title,
  description,
  children,
  footer,
  width = 420,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
}) {
  return (
    <Box
      mih="100vh"
      bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))"
      py={{ base: 'xl', sm: 64 }}
      px="md"
    >
      <Center>
        <Stack w="100%" maw={width} gap="lg">
          <Center>
            <Logo />
          </Center>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            <Stack gap={4} mb="lg">
              <Title order={1} fz={24}>
                {title}
              </Title>
              {description && (
                <Text c="dimmed" size="sm">
                  {description}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
          {footer && (
            <Text ta="center" size="sm" c="dimmed">
              {footer}
            </Text>
          )}
          <Text ta="center" size="xs" c="dimmed">
            <Anchor href="/api/docs" size="xs" c="dimmed">
              API reference
            </Anchor>
            {' · '}
            <Anchor href="/field/" size="xs" c="dimmed">
              Field app
            </Anchor>
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
