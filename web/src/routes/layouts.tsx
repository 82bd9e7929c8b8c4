import { Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useRef } from 'react';
import { useMe } from '../api/session';
import { AppFrame } from '../components/frame/AppFrame';
import { PublicFrame } from '../components/frame/PublicFrame';
import { LoadError, Loading } from '../components/LoadState';
import { SessionProvider } from '../lib/session';

/** Pages that need a session; without one they send the visitor to sign in and back. */
export function SignedInLayout() {
  const me = useMe();
  const href = useRouterState({ select: (s) => s.location.href });
  // Where the session was lost, fixed at that moment: the address changes while we leave for /login.
  const lastSignedInHref = useRef(href);
  if (me.data) lastSignedInHref.current = href;
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to="/login" search={{ redirect: lastSignedInHref.current }} replace />;
  return (
    <SessionProvider me={me.data}>
      <AppFrame>
        <Outlet />
      </AppFrame>
    </SessionProvider>
  );
}

/** Frame of pages for everyone (help, the demo outbox, not found): the app frame when signed in. */
export function OpenFrame({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.data) {
    return (
      <SessionProvider me={me.data}>
        <AppFrame>{children}</AppFrame>
      </SessionProvider>
    );
  }
  return <PublicFrame>{me.isPending ? <Loading /> : children}</PublicFrame>;
}

export function OpenLayout() {
  return (
    <OpenFrame>
      <Outlet />
    </OpenFrame>
  );
}

/** Sign-in, password reset and invitation pages. */
export function PublicLayout() {
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}
