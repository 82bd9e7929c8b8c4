import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g;

/** Plain text with its http(s) addresses made clickable; line breaks are kept. */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    // A sentence's final full stop is not part of its link.
    const url = match[0].replace(/[.,;:!?]+$/, '');
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <Anchor key={start} href={url} className="break-anywhere">
        {url}
      </Anchor>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <Text size="sm" className="preserve-lines" ff="monospace">
      {parts}
    </Text>
  );
}
