export const MAIN_CONTENT_ID = 'main-content';

/** Lets keyboard users jump over the header and navigation. */
export function SkipLink() {
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
      Skip to main content
    </a>
  );
}
