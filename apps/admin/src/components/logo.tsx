import { Group, Text } from '@mantine/core';

/** The OpenPatrol mark: a shield with a route through three points. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path
        d="M16 2.5 4.5 7v8.2c0 7.2 4.9 12.6 11.5 14.3 6.6-1.7 11.5-7.1 11.5-14.3V7L16 2.5Z"
        fill="var(--mantine-primary-color-filled)"
      />
      <path
        d="M10.5 20.5 14 13l4.5 5 3-7.5"
        fill="none"
        stroke="#fff"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="10.5" cy="20.5" r="1.8" fill="#fff" />
      <circle cx="21.5" cy="10.5" r="1.8" fill="#fff" />
    </svg>
  );
}

export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <LogoMark />
      <Text fw={700} fz="lg" style={{ letterSpacing: '-0.01em' }}>
        OpenPatrol
      </Text>
    </Group>
  );
}
