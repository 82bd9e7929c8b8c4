import { Page } from '../../components/Page';
import { type QuickLink, QuickLinks } from '../../components/QuickLinks';
import { useSession } from '../../lib/session';

export function OperatorHome() {
  const { can, organization } = useSession();
  const links: QuickLink[] = [];
  if (can('outbox.view')) {
    links.push({
      to: '/outbox',
      title: 'Outbox',
      text: 'Mail this instance has written instead of sending it.',
    });
  }
  if (can('audit.view')) {
    links.push({
      to: '/audit',
      title: 'Audit trail',
      text: 'Who changed what, and when, for your organisation.',
    });
  }
  links.push(
    { to: '/people', title: 'People', text: 'Operator administrators of this instance.' },
    { to: '/help', title: 'Help', text: 'How OpenPARS works, area by area.' },
  );
  return (
    <Page title={organization?.name ?? 'Operator'} intro="You run this OpenPARS instance.">
      <QuickLinks links={links} />
    </Page>
  );
}
