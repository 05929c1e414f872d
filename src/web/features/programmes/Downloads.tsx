import { Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import '../insight/insight.css';

/**
 * A table's .xlsx and CSV downloads on the programme's pages, worded as the insight figures'
 * («… som Excel», «… som CSV»): `base` is the file's address without its extension.
 */
export function Downloads({ base, title }: { base: string; title: string }) {
  const { t } = useTranslation();
  return (
    <p className="insight-downloads">
      <Link href={`${base}.xlsx`} download>
        {t('insight.downloadXlsx', { figure: title })}
      </Link>
      <Link href={`${base}.csv`} download>
        {t('insight.downloadCsv', { figure: title })}
      </Link>
    </p>
  );
}
