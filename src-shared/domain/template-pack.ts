import { z } from 'zod';
import { recordIdSchema } from './record-id';
import {
  describeTemplateField,
  type TemplateContent,
  templateContentFields,
  upgradeTemplateContentV1,
  withTemplateRules,
} from './template';
import { quoteUserText } from './text';

/**
 * Template packs (`.bwtemplates.json`): custom templates shared between colleagues. They hold
 * template content only, never client data. Imports are parsed strictly and capped.
 */

/** The value of a pack's `format` field. */
export const TEMPLATE_PACK_FORMAT = 'bridgework-template-pack';
/**
 * The pack version this code writes. It reads version 1 too (templates of shape version 1,
 * upgraded on import with `upgradeTemplateContentV1`).
 */
export const TEMPLATE_PACK_VERSION = 2;
/** Largest pack file accepted: 5 MB. */
export const MAX_TEMPLATE_PACK_BYTES = 5 * 1024 * 1024;
/** Most templates in one pack. */
export const MAX_TEMPLATES_PER_PACK = 1000;

/** One template in a pack: its content and the id it had where it was exported. */
export const packedTemplateSchema = withTemplateRules(
  templateContentFields.extend({ key: recordIdSchema }).strict(),
);

/** A template pack file. Unknown keys anywhere (including `__proto__`) are refused. */
export const templatePackSchema = z
  .object({
    format: z.literal(TEMPLATE_PACK_FORMAT),
    version: z.literal(TEMPLATE_PACK_VERSION),
    exportedAt: z.iso.datetime(),
    templates: z.array(packedTemplateSchema).min(1).max(MAX_TEMPLATES_PER_PACK),
  })
  .strict();

/** A template pack. */
export type TemplatePack = z.infer<typeof templatePackSchema>;

/** A pack ready to save: the given templates' content, keyed by their lineage ids. */
export function buildTemplatePack(
  templates: { key: string; content: TemplateContent }[],
  exportedAt: Date,
): TemplatePack {
  return templatePackSchema.parse({
    format: TEMPLATE_PACK_FORMAT,
    version: TEMPLATE_PACK_VERSION,
    exportedAt: exportedAt.toISOString(),
    templates: templates.map(({ key, content }) => ({ ...content, key })),
  });
}

/** The title of the pack's template at `index`, if it has one that is text. */
function titleAt(data: unknown, index: number): string | undefined {
  const templates = typeof data === 'object' && data && 'templates' in data && data.templates;
  const template: unknown = Array.isArray(templates) ? templates[index] : undefined;
  const title = typeof template === 'object' && template && 'title' in template && template.title;
  return typeof title === 'string' && title.trim() ? title : undefined;
}

/** Where a problem is, in words: "Template 3 (“Urge surfing”), dose options 1 label". */
function describePath(path: PropertyKey[], data: unknown): string {
  const [top, index, ...rest] = path;
  if (top === 'templates' && typeof index === 'number') {
    const title = titleAt(data, index);
    const named = title ? ` (${quoteUserText(title)})` : '';
    return `Template ${index + 1}${named}${rest.length ? `, ${describeTemplateField(rest)}` : ''}`;
  }
  return path.map(String).join(' ') || 'The file';
}

/** A version-1 pack as version 2: each template's content upgraded, everything else as it was. */
function upgradePackV1(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const pack = data as Record<string, unknown>;
  return {
    ...pack,
    version: TEMPLATE_PACK_VERSION,
    templates: Array.isArray(pack.templates)
      ? pack.templates.map((template: unknown) =>
          typeof template === 'object' && template !== null
            ? upgradeTemplateContentV1(template as Record<string, unknown>)
            : template,
        )
      : pack.templates,
  };
}

/** Reads a pack file's text: the pack, or the first problems in words (nothing is imported then). */
export function parseTemplatePack(
  text: string,
): { ok: true; pack: TemplatePack } | { ok: false; problems: string[] } {
  if (new TextEncoder().encode(text).length > MAX_TEMPLATE_PACK_BYTES) {
    return {
      ok: false,
      problems: ['This file is larger than 5 MB, which is more than a template pack can be.'],
    };
  }
  let data: unknown;
  try {
    // Editors on Windows often save JSON with a UTF-8 byte-order mark, which main's utf8 read
    // keeps as U+FEFF and JSON.parse refuses; it says nothing about the content, so drop it.
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return { ok: false, problems: ['This file isn’t a template pack (it is not valid JSON).'] };
  }
  const head = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(data);
  if (!head.success || head.data.format !== TEMPLATE_PACK_FORMAT) {
    return { ok: false, problems: ['This file isn’t a Bridgework template pack.'] };
  }
  if (typeof head.data.version === 'number' && head.data.version > TEMPLATE_PACK_VERSION) {
    return {
      ok: false,
      problems: [
        'This pack was made by a newer version of Bridgework. Please update to import it.',
      ],
    };
  }
  const parsed = templatePackSchema.safeParse(head.data.version === 1 ? upgradePackV1(data) : data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues
        .slice(0, 5)
        .map((issue) => `${describePath(issue.path, data)}: ${issue.message}`),
    };
  }
  return { ok: true, pack: parsed.data };
}
