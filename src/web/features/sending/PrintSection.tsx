import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SendingView } from '../../../features/sending/contract.js';

/** The print room: one PDF of the letters, sorted by postcode, and marking them printed. */
export function PrintSection({
  view,
  base,
  number,
  onMark,
}: {
  view: SendingView;
  base: string;
  number: (value: number) => string;
  onMark: () => void;
}) {
  const { t } = useTranslation();
  const letters = view.byChannel.find((row) => row.channel === 'letter');
  // The PDF holds the letters that have gone to the print room: ready (sent) and already printed.
  const inPdf = Math.max(view.lettersToPrint, letters ? letters.sent + letters.printed : 0);
  return (
    <section aria-labelledby="sending-print-heading" className="stack">
      <Heading level={2} data-size="sm" id="sending-print-heading">
        {t('cafe.sending.printHeading')}
      </Heading>
      <Paragraph className="measure">
        {view.lettersToPrint > 0
          ? t('cafe.sending.printReady', {
              count: view.lettersToPrint,
              number: number(view.lettersToPrint),
            })
          : inPdf > 0
            ? t('cafe.sending.printDone')
            : t('cafe.sending.printNone')}
      </Paragraph>
      {inPdf > 0 ? (
        <div className="button-row">
          <Button asChild variant="secondary">
            <a href={`${base}/letters.pdf`} download>
              {t('cafe.sending.download', { number: number(inPdf) })}
            </a>
          </Button>
          {view.lettersToPrint > 0 ? (
            <Button variant="secondary" onClick={onMark}>
              {t('cafe.sending.markPrinted')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
