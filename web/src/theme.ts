import { createTheme } from '@mantine/core';

// Shade 8 of blue keeps white button text above the WCAG AA contrast ratio (4.5:1); Mantine's default
// shade 6 does not.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { variant: 'light' } },
    // Mantine's close buttons are icon-only; give them a name screen readers can announce.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } },
  },
});
