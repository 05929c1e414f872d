import { Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackForm } from '../../../features/feedback/contract.js';
import { formatDateTime } from '../../shared/format.js';

/** The QR code, the short link and the downloads. */
export function LinkSection({ view, base }: { view: FeedbackForm; base: string }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState<'ok' | 'failed'>();
  const url = view.url ?? '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section aria-labelledby="feedback-link-heading" className="stack">
      <Heading level={2} data-size="sm" id="feedback-link-heading">
        {t('cafe.feedback.linkHeading')}
      </Heading>
      <Card data-color="neutral" className="stack">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1.5rem', alignItems: 'flex-start' }}>
          <img
            src={`${base}/feedback/qr.svg?v=${encodeURIComponent(url)}`}
            alt={t('cafe.feedback.qrAlt', { url })}
            width={180}
            height={180}
            style={{ display: 'block', maxWidth: '100%', height: 'auto', background: '#fff' }}
          />
          <div className="stack" style={{ minWidth: 0, flex: '1 1 16rem' }}>
            <Paragraph>
              {t('cafe.feedback.shortLink')}{' '}
              <Link href={url} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
                <strong>{url}</strong>
              </Link>
            </Paragraph>
            <Paragraph>
              {view.open
                ? t('cafe.feedback.openUntil', { when: formatDateTime(view.closesAt, i18n.language) })
                : t('cafe.feedback.closedSince', { when: formatDateTime(view.closesAt, i18n.language) })}
            </Paragraph>
            <div className="button-row">
              <Button variant="secondary" onClick={copy}>
                {t('cafe.feedback.copy')}
              </Button>
              <Button asChild>
                <a href={`${base}/feedback/sheet.pdf`} download>
                  {t('cafe.feedback.downloadSheet')}
                </a>
              </Button>
              <Button asChild variant="secondary">
                <a href={`${base}/feedback/qr.png`} download>
                  {t('cafe.feedback.downloadPng')}
                </a>
              </Button>
              <Button asChild variant="secondary">
                <a href={`${base}/feedback/qr.svg?download=1`} download>
                  {t('cafe.feedback.downloadSvg')}
                </a>
              </Button>
            </div>
            <div aria-live="polite">
              {copied === 'ok' ? <Paragraph data-size="sm">{t('cafe.feedback.copied')}</Paragraph> : null}
              {copied === 'failed' ? (
                <Paragraph data-size="sm">{t('cafe.feedback.copyFailed')}</Paragraph>
              ) : null}
            </div>
          </div>
        </div>
      </Card>
    </section>
  );
}
