import { Box, Stack, Text } from '@mantine/core';
import { type DragEvent, type ReactNode, useId, useRef, useState } from 'react';

const ACCEPT =
  '.txt,.tab,.tsv,.csv,.xlsx,.xml,.json,text/plain,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/xml,text/xml,application/json';

/** The file input of an upload, inside an area that also takes a dropped file (and opens on Enter). */
export function FileDropArea({
  file,
  onChoose,
  missing,
  hint,
}: {
  file: File | null;
  onChoose: (file: File | null) => void;
  missing: boolean;
  hint: ReactNode;
}) {
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChoose(dropped);
  };

  return (
    <Box
      role="group"
      aria-label="Drop area: drop a file here"
      aria-describedby={hintId}
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          input.current?.click();
        }
      }}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      p="lg"
      style={{
        border: `2px dashed var(--mantine-color-${dragging ? 'blue-6' : 'gray-5'})`,
        borderRadius: 'var(--mantine-radius-md)',
        background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Stack gap="xs">
        <Text component="label" htmlFor={inputId} fw={600} size="sm">
          File to upload
        </Text>
        <input
          ref={input}
          id={inputId}
          type="file"
          name="file"
          accept={ACCEPT}
          aria-describedby={missing ? `${hintId} ${errorId}` : hintId}
          aria-invalid={missing || undefined}
          onChange={(event) => onChoose(event.currentTarget.files?.[0] ?? null)}
        />
        <Text size="sm" c="dimmed" id={hintId}>
          {hint}
        </Text>
        {file && (
          <Text size="sm" aria-live="polite">
            Selected: <strong>{file.name}</strong> ({formatSize(file.size)})
          </Text>
        )}
        {missing && (
          <Text size="sm" c="red.8" role="alert" id={errorId}>
            Choose a file to upload first.
          </Text>
        )}
      </Stack>
    </Box>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
