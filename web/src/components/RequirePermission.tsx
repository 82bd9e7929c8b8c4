import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Permission } from '../../../src/modules/identity/permissions.rules';
import { useSession } from '../lib/session';
import { Page } from './Page';

/**
 * Shows the page only when the acting organisation grants the permission. The server decides in the end;
 * this spares people a page of errors after an organisation switch or a pasted link.
 */
export function RequirePermission({
  anyOf,
  title,
  children,
}: {
  anyOf: Permission[];
  title: string;
  children: ReactNode;
}) {
  const { can, organization } = useSession();
  if (anyOf.some(can)) return <>{children}</>;
  return (
    <Page title={title}>
      <Alert color="blue" title="Not available">
        Your roles{organization ? ` at ${organization.name}` : ''} do not give access to this page. If you
        belong to several organisations, switch to the one concerned.
      </Alert>
    </Page>
  );
}
