import { Alert } from '@mantine/core';
import { Page } from '../../components/Page';
import { useSession } from '../../lib/session';
import { AccreditorHome } from './AccreditorHome';
import { BoardHome } from './BoardHome';
import { OperatorHome } from './OperatorHome';
import { PhysicianHome } from './PhysicianHome';
import { ProviderHome } from './ProviderHome';

/** Home depends on the kind of organisation the session acts for (or on the physician account). */
export function HomePage() {
  const { me, organization } = useSession();
  switch (organization?.kind) {
    case 'PROVIDER':
      return <ProviderHome organizationId={organization.id} />;
    case 'ACCREDITOR':
      return <AccreditorHome organizationId={organization.id} />;
    case 'BOARD':
      return <BoardHome organizationId={organization.id} />;
    case 'OPERATOR':
      return <OperatorHome />;
  }
  if (me.user.kind === 'PHYSICIAN') return <PhysicianHome />;
  return (
    <Page title={`Welcome, ${me.user.name}`}>
      <Alert color="blue" title="No organisation">
        Your account is not linked to any organisation at the moment. Ask your organisation’s Primary Contact
        or administrator to add you again.
      </Alert>
    </Page>
  );
}
