import { useEffect, useState } from 'react';

/** System follows the phone's setting; light and dark are the performer's choice, kept here. */
export type ThemePreference = 'system' | 'light' | 'dark';

const THEME_KEY = 'openpatrol.field.theme';
const ORDER: readonly ThemePreference[] = ['system', 'dark', 'light'];

function readPreference(): ThemePreference {
  const stored = localStorage.getItem(THEME_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function useTheme(): { preference: ThemePreference; cycle: () => void } {
  const [preference, setPreference] = useState(readPreference);
  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = preference === 'dark' || (preference === 'system' && media.matches);
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
      document
        .querySelector('meta[name="theme-color"]')
        ?.setAttribute('content', dark ? '#0f1720' : '#1c3d5a');
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [preference]);
  return {
    preference,
    cycle: () => {
      const next = ORDER[(ORDER.indexOf(preference) + 1) % ORDER.length] ?? 'system';
      if (next === 'system') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, next);
      setPreference(next);
    },
  };
}
