import { NavLink, Stack, Text } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useInstance } from '../../api/session';
import { navAreas } from '../../lib/areas';
import { useSession } from '../../lib/session';
import { RouterNavLink } from '../links';

function isActive(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}

const listStyle = { listStyle: 'none' } as const;

/** The areas of the product for this kind of user; planned areas follow, marked "coming soon". */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const session = useSession();
  const { data: instance } = useInstance();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const areas = navAreas(session, instance);
  const built = areas.flatMap((a) => ('to' in a ? [a] : []));
  const planned = areas.flatMap((a) => ('comingSoon' in a ? [a] : []));

  return (
    <Stack gap="md">
      <Stack gap={2} component="ul" m={0} p={0} style={listStyle}>
        {built.map((area) => (
          <li key={area.key}>
            <RouterNavLink
              to={area.to}
              label={area.label}
              active={isActive(pathname, area.to)}
              aria-current={isActive(pathname, area.to) ? 'page' : undefined}
              onClick={onNavigate}
            />
          </li>
        ))}
      </Stack>
      {planned.length > 0 && (
        <div>
          <Text id="nav-coming-soon" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
            Coming soon
          </Text>
          <Stack gap={0} component="ul" m={0} p={0} style={listStyle} aria-labelledby="nav-coming-soon">
            {planned.map((area) => (
              <li key={area.key} title={area.description}>
                <NavLink
                  component="div"
                  label={area.label}
                  disabled
                  aria-disabled
                  styles={{ root: { paddingBlock: 6 } }}
                />
              </li>
            ))}
          </Stack>
        </div>
      )}
    </Stack>
  );
}
