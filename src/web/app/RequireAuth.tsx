import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { queryString } from '../shared/api.js';
import { ForbiddenPage } from './MessagePage.js';
import type { Area } from './navigation.js';
import { useSession } from './session.js';

/** Sends a visitor who is not logged in to /logg-inn, and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, endReason } = useSession();
  const location = useLocation();
  if (user) return children;
  if (endReason === 'logout') return <Navigate to="/logg-inn" replace />;
  const here = location.pathname + location.search;
  const query = queryString({ neste: here === '/' ? undefined : here, feil: endReason });
  return <Navigate to={`/logg-inn${query}`} replace />;
}

/** Shows the page only to users whose permissions allow the area. */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const { user } = useSession();
  if (!user || !area.allowed(user)) return <ForbiddenPage />;
  return children;
}
