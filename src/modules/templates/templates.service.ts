import type { Clock } from '../../platform/clock';
import { codeList } from '../../reference/codes';
import type { BoardListsService } from '../boards/board-lists.service';
import type { Actor } from '../identity/actor';
import type { OrganizationsService } from '../organizations/organizations.service';
import type { UploadsService } from '../uploads/upload.service';
import {
  type ActivityTemplateSources,
  activityTemplate,
  enduringCountYears,
} from './activity-template.columns';
import type { ListItem, SheetTemplate } from './sheet-template';
import { CSV_CONTENT_TYPE, renderTemplateCsv } from './template.csv';
import { renderTemplateXlsx, XLSX_CONTENT_TYPE } from './template.xlsx';

// Upload templates (formats.md §4.3), built per request so they always match the schemas, the code lists
// and the boards of this instance. Each template is authorized as the upload it prepares: whoever may
// upload that kind of file may download its template.

export const TEMPLATE_NAMES = ['activities'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export const TEMPLATE_FORMATS = ['xlsx', 'csv'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

export type TemplateFile = { fileName: string; contentType: string; body: Buffer | string };

export type TemplatesDeps = {
  clock: Clock;
  uploads: Pick<UploadsService, 'uploader'>;
  organizations: Pick<OrganizationsService, 'listBoards'>;
  boardLists: Pick<BoardListsService, 'activeEntries'>;
};
export type TemplatesService = ReturnType<typeof createTemplatesService>;

type Entry = { ownerCode: string; list: string; code: string; name: string };

function byOwner(entries: readonly Entry[], list: string): Record<string, ListItem[]> {
  const out: Record<string, ListItem[]> = {};
  for (const e of entries) {
    if (e.list !== list) continue;
    out[e.ownerCode] ??= [];
    out[e.ownerCode]?.push({ code: e.code, name: e.name });
  }
  return out;
}

export function createTemplatesService(deps: TemplatesDeps) {
  const { clock, uploads, organizations, boardLists } = deps;

  /** Certifying boards that take MOC registrations: onboarded here and known to the activity rules. */
  async function mocBoards(actor: Actor | null) {
    const known = new Set(
      codeList('boards')
        .filter((b) => b.kind === 'certifying')
        .map((b) => b.code),
    );
    return (await organizations.listBoards(actor))
      .filter((b) => b.boardKind === 'CERTIFYING' && b.code !== null && known.has(b.code))
      .map((b) => ({ code: b.code as string, name: b.name }));
  }

  async function activitySources(actor: Actor | null): Promise<ActivityTemplateSources> {
    const [boards, entries] = await Promise.all([mocBoards(actor), boardLists.activeEntries()]);
    const list = (name: string) => Object.values(byOwner(entries, name)).flat();
    return {
      boards,
      enduringYears: enduringCountYears(clock.today()),
      practiceAreas: byOwner(entries, 'PRACTICE_AREA'),
      contentAreas: byOwner(entries, 'CONTENT_AREA'),
      blueprintSections: list('REMS_BLUEPRINT'),
      topics: list('TOPIC'),
    };
  }

  const builders: Record<TemplateName, (actor: Actor | null) => Promise<SheetTemplate>> = {
    async activities(actor) {
      uploads.uploader(actor);
      return activityTemplate(await activitySources(actor));
    },
  };

  return {
    async file(actor: Actor | null, name: TemplateName, format: TemplateFormat): Promise<TemplateFile> {
      const template = await builders[name](actor);
      const fileName = `${template.fileBase}.${format}`;
      if (format === 'xlsx') {
        return { fileName, contentType: XLSX_CONTENT_TYPE, body: await renderTemplateXlsx(template) };
      }
      return { fileName, contentType: CSV_CONTENT_TYPE, body: renderTemplateCsv(template) };
    },
  };
}
