import type { Assignment } from '../../../src-shared/domain/assignment';
import type { TemplateContent } from '../../../src-shared/domain/template';
import { builtinTemplates } from '../../data/builtin-library';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';

/**
 * The template an assignment came from, as the library holds it now: for its barrier suggestions
 * and the clinician's notes. Null when it was made from scratch or its template is gone; the
 * assignment itself keeps its own copy of everything it needs, so it opens either way.
 */
export function useTemplateOf(assignment: Assignment): TemplateContent | null {
  const { templates } = useOpenVault();
  const templateId = assignment.template?.templateId ?? null;
  const builtin = builtinTemplates.find((template) => template.id === templateId);
  const custom = useVaultQuery(
    async () =>
      templateId && !builtin
        ? ((await templates.latest()).templates.find((t) => t.lineageId === templateId) ?? null)
        : null,
    [templates, templateId, builtin],
  );
  return builtin ?? custom ?? null;
}
