import { AppShell, Box, Burger, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { InstanceBanners, useBannerHeight } from '../InstanceBanners';
import { HelpLink } from './HelpLink';
import { MainNav } from './MainNav';
import { OrganizationSwitcher } from './OrganizationSwitcher';
import { ProductName } from './ProductName';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

const HEADER_HEIGHT = 56;

/** The signed-in frame: header with switcher, help and account menu; navigation; the page. */
export function AppFrame({ children }: { children: ReactNode }) {
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const bannerHeight = useBannerHeight();

  return (
    <AppShell
      header={{ height: HEADER_HEIGHT + bannerHeight }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <SkipLink />
        <InstanceBanners />
        <Group h={HEADER_HEIGHT} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
            />
            <ProductName />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Box visibleFrom="sm">
              <OrganizationSwitcher />
            </Box>
            <HelpLink />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <Box hiddenFrom="sm" mb="sm">
          <OrganizationSwitcher />
        </Box>
        <AppShell.Section grow component={ScrollArea}>
          <MainNav onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
