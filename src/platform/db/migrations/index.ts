import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_init';
import * as m0002 from './0002_audit_no_truncate';
import * as m0003 from './0003_activities';
import * as m0004 from './0004_uploads';
import * as m0005 from './0005_upload_scratch';
import * as m0006 from './0006_upload_archive';

// Static list so the build needs no file-system scan; order is by name.
export const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_audit_no_truncate': m0002,
  '0003_activities': m0003,
  '0004_uploads': m0004,
  '0005_upload_scratch': m0005,
  '0006_upload_archive': m0006,
};
