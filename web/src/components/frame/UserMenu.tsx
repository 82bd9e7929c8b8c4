import { Avatar, Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/client';
import { useLogout } from '../../api/session';
import { useSession } from '../../lib/session';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return `${parts[0]?.[0] ?? ''}${parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : ''}`.toUpperCase();
}

export function UserMenu() {
  const { me, organization } = useSession();
  const logout = useLogout();

  const signOut = () =>
    logout.mutate(undefined, {
      // A full page load rather than a client-side navigation: the signed-out user's data leaves memory.
      onSuccess: () => window.location.replace('/login'),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'You are still signed in', message: errorMessage(error) }),
    });

  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          size="compact-md"
          leftSection={
            <Avatar size={26} radius="xl" color="blue" aria-hidden>
              {initials(me.user.name)}
            </Avatar>
          }
          aria-label={`Account menu for ${me.user.name}`}
        >
          <Text component="span" size="sm" visibleFrom="sm" maw={160} truncate>
            {me.user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" className="break-anywhere">
            {me.user.email}
          </Text>
          {organization && (
            <Text size="xs" c="dimmed" mt={4}>
              Acting for {organization.name}
            </Text>
          )}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item onClick={signOut} disabled={logout.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
