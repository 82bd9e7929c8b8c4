import { Badge, NavLink, Stack } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useInstance } from '../../api/session';
import { navAreas } from '../../lib/areas';
import { useSession } from '../../lib/session';
import { RouterNavLink } from '../links';

function isActive(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The areas of the product for this kind of user; planned areas show as "coming soon". */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const session = useSession();
  const { data: instance } = useInstance();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {navAreas(session, instance).map((area) => (
        <li key={area.key}>
          {'to' in area ? (
            <RouterNavLink
              to={area.to}
              label={area.label}
              active={isActive(pathname, area.to)}
              aria-current={isActive(pathname, area.to) ? 'page' : undefined}
              onClick={onNavigate}
            />
          ) : (
            <NavLink
              component="div"
              label={area.label}
              description={area.description}
              disabled
              aria-disabled
              rightSection={
                <Badge size="xs" color="gray" variant="outline">
                  Coming soon
                </Badge>
              }
            />
          )}
        </li>
      ))}
    </Stack>
  );
}
