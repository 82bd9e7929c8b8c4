import { useRouterState } from '@tanstack/react-router';
import { helpTopicFor } from '../../lib/areas';
import { ButtonLink } from '../links';

/** The header's Help link: opens the help page of the area on screen. */
export function HelpLink() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const topic = helpTopicFor(pathname);
  const label = topic ? 'Help for this page' : 'Help';
  return topic ? (
    <ButtonLink to="/help/$topic" params={{ topic }} variant="subtle" size="compact-md" aria-label={label}>
      Help
    </ButtonLink>
  ) : (
    <ButtonLink to="/help" variant="subtle" size="compact-md">
      Help
    </ButtonLink>
  );
}
