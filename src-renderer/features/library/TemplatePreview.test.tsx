import { describe, expect, it } from 'vitest';
import { clientFacingTemplate } from '../../../src-shared/domain/client-facing-template';
import type { TemplateContent } from '../../../src-shared/domain/template';
import { loadBuiltinTemplates } from '../../../tests/fixtures/library';
import { renderWithMantine } from '../../../tests/support/render';
import { TemplatePreview } from './TemplatePreview';

/** Clinician-only text no client may ever see, planted in every clinician-only field. */
const secret = {
  title: 'Zq-clinical-title interoceptive exposure protocol',
  clinicianNotes: 'Zq-clinician-note: watch for reassurance seeking',
  cautions: ['Zq-caution: not with untreated epilepsy', 'Zq-caution: pregnancy'],
  noLadderBecause: null,
};

describe('the preview a client sees', () => {
  it.each(loadBuiltinTemplates().map((template) => [template.id, template] as const))(
    '%s shows no clinician-only text, in either wording',
    (_id, template) => {
      const content: TemplateContent = { ...template, ...secret };
      for (const wording of ['plain', 'discreet'] as const) {
        const { container, unmount } = renderWithMantine(
          <TemplatePreview view={clientFacingTemplate(content, wording)} />,
        );
        const shown = container.textContent ?? '';
        expect(shown, wording).not.toContain('Zq-');
        expect(shown).toContain(
          wording === 'plain' ? template.clientTitle : template.discreetTitle,
        );
        unmount();
      }
    },
  );
});
