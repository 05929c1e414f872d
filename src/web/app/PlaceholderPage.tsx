import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Page } from '../shared/Page.js';

/** An area not built yet: says plainly what will come there. */
export function PlaceholderPage({ areaKey }: { areaKey: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`nav.${areaKey}`)}>
      <Paragraph className="measure">{t(`placeholder.${areaKey}`)}</Paragraph>
    </Page>
  );
}
