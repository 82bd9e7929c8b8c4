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
    // The dot variant keeps dark text (WCAG AA) and does not rely on colour alone.
    Badge: { defaultProps: { variant: 'dot' }, styles: { root: { textTransform: 'none' } } },
    // Mantine alerts default to role="alert", which interrupts screen readers; only errors should.
    // Error alerts set role="alert" themselves.
    Alert: { defaultProps: { role: 'note' } },
    // Mantine's close buttons are icon-only; give them a name screen readers can announce.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } },
  },
});
