import { AnchorLink } from '../../components/links';
import { Page } from '../../components/Page';
import { useSession } from '../../lib/session';
import { uploadMode } from '../../lib/upload-access';
import { RecentUploads } from './RecentUploads';
import { UploadForm } from './UploadForm';

const HELP_LINK = (text: string) => (
  <AnchorLink to="/help/$topic" params={{ topic: 'uploads' }} underline="always">
    {text}
  </AnchorLink>
);

/** Uploads of a provider, or archive imports of an accreditor or operator administrator. */
export function UploadsPage() {
  const archive = uploadMode(useSession()) === 'archive';
  return (
    <Page
      title={archive ? 'Import a provider’s archive' : 'Uploads'}
      intro={
        archive ? (
          <>
            Load legacy PARS files of past years for a provider you oversee. The activities are saved to that
            provider, who sees the upload in their list too, and every reporting year the file loads is locked
            afterwards. See {HELP_LINK('help on archive imports')}.
          </>
        ) : (
          <>
            Add or update many activities at once from a file: a PARS template, an OpenPARS sheet (CSV or TSV
            with a header row) or JSON. See {HELP_LINK('help on uploads')} for the layouts and what each
            outcome means.
          </>
        )
      }
    >
      <UploadForm archive={archive} />
      <RecentUploads showProvider={archive} />
    </Page>
  );
}
