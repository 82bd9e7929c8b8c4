import { Box, Text } from '@mantine/core';
import { useInstance } from '../api/session';
import { formatDate } from '../lib/dates';

export const BANNER_HEIGHT = 28;

type Banner = { key: string; text: string; color: string };

function useBanners(): Banner[] {
  const { data: instance } = useInstance();
  if (!instance) return [];
  const banners: Banner[] = [];
  if (instance.demo) {
    banners.push({
      key: 'demo',
      text: 'Demo instance — not for real data',
      color: 'var(--mantine-color-yellow-3)',
    });
  }
  if (instance.fixedToday) {
    banners.push({
      key: 'today',
      text: `Fixed date: ${formatDate(instance.fixedToday)}`,
      color: 'var(--mantine-color-cyan-2)',
    });
  }
  return banners;
}

/** Height the banners take, so a fixed header can make room for them. */
export function useBannerHeight(): number {
  return useBanners().length * BANNER_HEIGHT;
}

/** The instance banners shown on every page (DESIGN.md "Data"): demo instance and fixed date. */
export function InstanceBanners() {
  const banners = useBanners();
  if (banners.length === 0) return null;
  return (
    <Box role="region" aria-label="Instance notices">
      {banners.map((banner) => (
        <Box
          key={banner.key}
          h={BANNER_HEIGHT}
          bg={banner.color}
          px="sm"
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        >
          <Text size="sm" fw={600} c="dark.9" truncate>
            {banner.text}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
