import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

/**
 * The field app's few screens need no router library: paths under the app's base (`/field/`),
 * pushState to move, popstate for the back button. The server answers any path under the base
 * with the app, and so does the service worker offline.
 */

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

export type Route =
  | { name: 'today' }
  | { name: 'execution'; executionId: string }
  | { name: 'check-in' }
  | { name: 'report-issue' }
  | { name: 'queue' }
  | { name: 'guard' }
  | { name: 'not-found' };

export function parseRoute(pathname: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'today' };
  if (parts[0] === 'executions' && parts[1]) return { name: 'execution', executionId: parts[1] };
  if (parts[0] === 'check-in') return { name: 'check-in' };
  if (parts[0] === 'report-issue') return { name: 'report-issue' };
  if (parts[0] === 'queue') return { name: 'queue' };
  if (parts[0] === 'guard') return { name: 'guard' };
  return { name: 'not-found' };
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'today':
    case 'not-found':
      return `${BASE}/`;
    case 'execution':
      return `${BASE}/executions/${route.executionId}`;
    default:
      return `${BASE}/${route.name}`;
  }
}

interface RouterValue {
  readonly route: Route;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPopState = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPopState);
    return () => removeEventListener('popstate', onPopState);
  }, []);
  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    const path = pathOf(next);
    if (options.replace) history.replaceState(null, '', path);
    else if (path !== location.pathname) history.pushState(null, '', path);
    setRoute(next);
    scrollTo(0, 0);
  }, []);
  const value = useMemo(() => ({ route, navigate }), [route, navigate]);
  return <RouterContext value={value}>{children}</RouterContext>;
}

export function useRouter(): RouterValue {
  const router = use(RouterContext);
  if (!router) throw new Error('useRouter() needs a <RouterProvider> above it');
  return router;
}

/** A link that navigates without reloading, and still works as a link (open in a new tab). */
export function Link({
  to,
  className,
  children,
}: {
  to: Route;
  className?: string;
  children: ReactNode;
}) {
  const { navigate } = useRouter();
  return (
    <a
      href={pathOf(to)}
      className={className}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
