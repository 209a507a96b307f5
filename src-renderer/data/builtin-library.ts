import { type BuiltinTemplate, builtinTemplateFileSchema } from '../../src-shared/domain/template';

// Bundled at build time: one JSON file per template in resources/library/ (validated by tests too).
const files = import.meta.glob<unknown>('../../resources/library/*.json', {
  eager: true,
  import: 'default',
});

/** The built-in templates, validated, sorted by title. A file that fails validation is left out. */
export const builtinTemplates: BuiltinTemplate[] = Object.values(files)
  .flatMap((data) => {
    const parsed = builtinTemplateFileSchema.safeParse(data);
    return parsed.success ? [parsed.data] : [];
  })
  .sort((a, b) => a.title.localeCompare(b.title));
