import { Button, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALT_MAX, IMAGE_MAX_BYTES, IMAGE_TYPES } from '../../../domain/event.js';
import type { EventImageView, EventView } from '../../../features/events/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { Notice } from '../../shared/Notice.js';
import { useFocusLater } from '../../shared/use-focus-later.js';

/**
 * «Bilde»: the picture for the invitation and the answer page, with the description a screen
 * reader reads out. Upload, replace (or only change the description), and remove it.
 */
export function EventImageSection({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const fileId = useId();
  const fileErrorId = useId();
  const imagePath = `/api/events/${encodeURIComponent(event.id)}/image`;
  const [image, setImage] = useState<EventView['image']>(event.image);
  const [file, setFile] = useState<File>();
  const [fileKey, setFileKey] = useState(0);
  const [alt, setAlt] = useState(image?.alt ?? '');
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState(false);
  const focusLater = useFocusLater();

  const megabytes = (bytes: number) =>
    `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

  const fileProblem = (chosen: File | undefined): string | undefined => {
    if (!chosen) return image ? undefined : t('cafe.event.image.errors.file');
    if (!(IMAGE_TYPES as readonly string[]).includes(chosen.type)) return t('cafe.event.image.errors.type');
    if (chosen.size > IMAGE_MAX_BYTES)
      return t('cafe.event.image.errors.tooLarge', { size: megabytes(chosen.size) });
    return undefined;
  };

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    setDone(undefined);
    setError(undefined);
    setErrors((current) => ({ ...current, file: chosen ? fileProblem(chosen) : undefined }));
  };

  const submit = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (busy) return;
    setDone(undefined);
    setError(undefined);
    const description = alt.replace(/\s+/g, ' ').trim();
    const found = {
      file: fileProblem(file),
      alt: !description
        ? t('cafe.event.image.errors.alt')
        : [...description].length > ALT_MAX
          ? t('cafe.event.image.errors.altTooLong')
          : undefined,
    };
    setErrors(found);
    if (found.file || found.alt) {
      focusLater(found.file ? fileId : 'event-image-alt');
      return;
    }
    setBusy(true);
    try {
      // Only the description changed: the stored image is sent again with it.
      const body = file ?? (await fetchImage(imagePath));
      const saved = await api.put<EventImageView>(
        `${imagePath}?alt=${encodeURIComponent(description)}`,
        body,
      );
      setImage({ alt: saved.alt, updatedAt: saved.updatedAt });
      setAlt(saved.alt);
      setFile(undefined);
      setFileKey((count) => count + 1);
      setDone(t('cafe.event.image.uploaded'));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'image.unsupported') {
        setErrors({ file: t('cafe.event.image.errors.unsupported') });
        focusLater(fileId);
      } else if (caught instanceof ApiError && (caught.status === 413 || caught.code === 'image.too_large')) {
        setErrors({ file: t('cafe.event.image.errors.tooLarge', { size: megabytes(file?.size ?? 0) }) });
        focusLater(fileId);
      } else if (caught instanceof ApiError && caught.code === 'validation.invalid') {
        setErrors({ alt: t('cafe.event.image.errors.alt') });
        focusLater('event-image-alt');
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="event-image-heading" className="stack">
      <Heading level={2} data-size="sm" id="event-image-heading">
        {t('cafe.event.image.heading')}
      </Heading>
      <Paragraph className="measure">{t('cafe.event.image.hint')}</Paragraph>
      {image ? (
        <figure className="stack" style={{ margin: 0 }}>
          <img
            src={`${imagePath}?v=${encodeURIComponent(image.updatedAt)}`}
            alt={image.alt}
            style={{ display: 'block', maxWidth: '100%', maxHeight: '20rem', height: 'auto', width: 'auto' }}
          />
          <figcaption>
            <Paragraph data-size="sm">
              {t('cafe.event.image.current')}: {image.alt}
            </Paragraph>
          </figcaption>
        </figure>
      ) : (
        <Paragraph>{t('cafe.event.image.none')}</Paragraph>
      )}
      <form noValidate onSubmit={submit} className="form">
        <div className="stack">
          <label htmlFor={fileId} className="ds-label">
            {image ? t('cafe.event.image.fileReplace') : t('cafe.event.image.file')}
          </label>
          <input
            key={fileKey}
            id={fileId}
            type="file"
            accept={IMAGE_TYPES.join(',')}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? fileErrorId : undefined}
            onChange={(changeEvent) => choose(changeEvent.target.files?.[0])}
            style={{ maxWidth: '100%' }}
          />
          {errors.file ? <ValidationMessage id={fileErrorId}>{errors.file}</ValidationMessage> : null}
        </div>
        <Textfield
          id="event-image-alt"
          label={t('cafe.event.image.alt')}
          description={t('cafe.event.image.altHint')}
          value={alt}
          required
          onChange={(changeEvent) => {
            setAlt(changeEvent.target.value);
            setErrors((current) => ({ ...current, alt: undefined }));
          }}
          error={errors.alt}
          autoComplete="off"
        />
        {done ? <Notice>{done}</Notice> : null}
        <CafeError error={error} />
        <div className="button-row">
          <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
            {!image
              ? t('cafe.event.image.upload')
              : file
                ? t('cafe.event.image.replace')
                : t('cafe.event.image.saveAlt')}
          </Button>
          {image ? (
            <Button variant="tertiary" data-color="danger" onClick={() => setRemoving(true)}>
              {t('cafe.event.image.remove')}
            </Button>
          ) : null}
        </div>
      </form>
      {removing ? (
        <ConfirmDialog
          title={t('cafe.event.image.removeTitle')}
          body={t('cafe.event.image.removeBody')}
          confirmLabel={t('cafe.event.image.removeConfirm')}
          onClose={() => setRemoving(false)}
          onConfirm={async () => {
            await api.delete(imagePath);
            setImage(null);
            setAlt('');
            setErrors({});
            setRemoving(false);
            setDone(t('cafe.event.image.removed'));
            // The button that opened the dialog is gone: the keyboard continues at the file field.
            focusLater(fileId);
          }}
        />
      ) : null}
    </section>
  );
}

/** The stored image as a file again (to save it with a new description). */
async function fetchImage(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError('network', 'No answer from the server', 0);
  }
  if (!response.ok)
    throw new ApiError(response.status === 404 ? 'not_found' : 'internal', '', response.status);
  return response.blob();
}
