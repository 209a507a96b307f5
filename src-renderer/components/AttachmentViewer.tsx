import { Alert, Image, Modal } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { Attachment } from '../../src-shared/domain/attachment';
import { AttachmentRejected } from '../data/attachments-repository';
import { useOpenVault } from '../session/VaultSessionProvider';
import { PdfPages } from './PdfPages';

/**
 * A file kept with the vault (a template's worksheet, a client's kept tracker), decrypted and
 * shown inside the app: a PDF's pages drawn on canvases, an image as an image.
 * `cannotOpen` is what to tell the clinician when its file can't be read.
 */
export function AttachmentViewer({
  attachment,
  cannotOpen,
  onClose,
}: {
  attachment: Attachment;
  cannotOpen: string;
  onClose: () => void;
}) {
  const { attachments } = useOpenVault();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    attachments
      .open(attachment)
      .then(setBytes, (caught: unknown) =>
        setError(caught instanceof AttachmentRejected ? caught.message : cannotOpen),
      );
  }, [attachments, attachment, cannotOpen]);
  const imageUrl = useMemo(
    () =>
      bytes && attachment.mediaType !== 'application/pdf'
        ? URL.createObjectURL(new Blob([bytes.slice()], { type: attachment.mediaType }))
        : null,
    [bytes, attachment.mediaType],
  );
  useEffect(() => () => void (imageUrl && URL.revokeObjectURL(imageUrl)), [imageUrl]);

  return (
    <Modal opened onClose={onClose} title={attachment.fileName} size="xl" centered>
      {error && <Alert color="red">{error}</Alert>}
      {bytes && attachment.mediaType === 'application/pdf' && (
        <PdfPages bytes={bytes} title={attachment.fileName} />
      )}
      {imageUrl && <Image src={imageUrl} alt={attachment.fileName} radius="sm" />}
    </Modal>
  );
}
