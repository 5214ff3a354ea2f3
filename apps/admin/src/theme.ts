import { Badge, createTheme, type MantineColorsTuple } from '@mantine/core';

// The brand navy of the header colour (#1c3d5a), spread into Mantine's ten shades.
const patrol: MantineColorsTuple = [
  '#eaf3fb',
  '#d5e4f2',
  '#a8c7e5',
  '#78a8d8',
  '#528ecd',
  '#3a7ec7',
  '#2c76c5',
  '#1e64ae',
  '#13599c',
  '#004c8a',
];

export const theme = createTheme({
  primaryColor: 'patrol',
  colors: { patrol },
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    // A badge truncates its label, so in a squeezed table cell or row it would shrink to a dot.
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, minWidth: 'fit-content' } } }),
  },
});
