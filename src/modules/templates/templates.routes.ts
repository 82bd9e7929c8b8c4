import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  TEMPLATE_FORMATS,
  TEMPLATE_NAMES,
  type TemplateFormat,
  type TemplateName,
  type TemplatesService,
} from './templates.service';

// GET /templates/{name}.{format} (formats.md §4.3): one fixed path per template and format, so each is
// listed on its own in the API documentation.

const DESCRIPTIONS: Record<TemplateName, Record<TemplateFormat, string>> = {
  activities: {
    xlsx: 'Sheet `Activities` with the field names in row 1 (each with a note giving label, type and rule), drop-downs fed from the hidden `Lists` sheet, ID and date columns formatted as text, five commercial-supporter groups and one block of MOC columns per certifying board.',
    csv: 'The header row of the activity sheet: UTF-8 with BOM, CRLF, RFC 4180 quoting.',
  },
};

export const templateRoutes =
  (templates: TemplatesService): FastifyPluginAsyncZod =>
  async (app) => {
    for (const name of TEMPLATE_NAMES) {
      for (const format of TEMPLATE_FORMATS) {
        app.get(
          `/templates/${name}.${format}`,
          {
            schema: {
              tags: ['uploads'],
              summary: `Upload template for ${name}, ${format.toUpperCase()}`,
              description: DESCRIPTIONS[name][format],
            },
          },
          async (request, reply) => {
            const file = await templates.file(request.actor, name, format);
            reply.header('content-type', file.contentType);
            reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
            reply.header('cache-control', 'no-store');
            return reply.send(file.body);
          },
        );
      }
    }
  };
