import { describe, expect, it } from 'vitest';
import { attachmentSchema, upgradeAttachmentV1 } from './attachment';

const ids = {
  attachment: 'AAAAAAAAAAAAAAAAAAAAAA',
  lineage: 'BBBBBBBBBBBBBBBBBBBBBB',
  client: 'CCCCCCCCCCCCCCCCCCCCCC',
  assignment: 'DDDDDDDDDDDDDDDDDDDDDD',
  review: 'EEEEEEEEEEEEEEEEEEEEEE',
};

const file = {
  id: ids.attachment,
  fileName: 'Thought record.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 2048,
  createdAt: '2026-03-02T09:30:00.000Z',
};

const worksheet = { ...file, kind: 'template-worksheet', lineageId: ids.lineage };
const keptTracker = {
  ...file,
  fileName: 'tracker back from Maya.pdf',
  kind: 'returned-tracker',
  clientId: ids.client,
  assignmentId: ids.assignment,
  reviewId: ids.review,
};

describe('an attachment belongs to exactly one owner', () => {
  it('is a worksheet of a custom template, or a tracker kept with a client’s records', () => {
    expect(attachmentSchema.parse(worksheet)).toEqual(worksheet);
    expect(attachmentSchema.parse(keptTracker)).toEqual(keptTracker);
  });

  it('refuses a record that names both a template and a client', () => {
    expect(attachmentSchema.safeParse({ ...worksheet, clientId: ids.client }).success).toBe(false);
    expect(attachmentSchema.safeParse({ ...keptTracker, lineageId: ids.lineage }).success).toBe(
      false,
    );
  });

  it('refuses a record with no owner, or a kept tracker missing its practice or review', () => {
    const { lineageId: _lineage, ...noTemplate } = worksheet;
    expect(attachmentSchema.safeParse(noTemplate).success).toBe(false);
    const { assignmentId: _assignment, ...noPractice } = keptTracker;
    expect(attachmentSchema.safeParse(noPractice).success).toBe(false);
    const { reviewId: _review, ...noReview } = keptTracker;
    expect(attachmentSchema.safeParse(noReview).success).toBe(false);
    const { kind: _kind, ...noKind } = keptTracker;
    expect(attachmentSchema.safeParse(noKind).success).toBe(false);
  });

  it('keeps only PDFs as returned trackers', () => {
    expect(attachmentSchema.safeParse({ ...keptTracker, mediaType: 'image/png' }).success).toBe(
      false,
    );
    expect(attachmentSchema.safeParse({ ...worksheet, mediaType: 'image/png' }).success).toBe(true);
  });
});

describe('an attachment written before returned trackers could be kept (shape 1)', () => {
  it('reads as the template worksheet it was, everything else as it was', () => {
    const shape1 = { ...file, lineageId: ids.lineage, damagedAt: '2026-04-01T08:00:00.000Z' };
    expect(attachmentSchema.parse(upgradeAttachmentV1(shape1))).toEqual({
      ...shape1,
      kind: 'template-worksheet',
    });
  });

  it('is still refused when it was not a valid worksheet description', () => {
    const { lineageId: _lineage, ...noTemplate } = worksheet;
    const { kind: _kind, ...shape1WithoutTemplate } = noTemplate;
    expect(attachmentSchema.safeParse(upgradeAttachmentV1(shape1WithoutTemplate)).success).toBe(
      false,
    );
  });
});
