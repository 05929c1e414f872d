import { Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AttendanceHousehold } from '../../../features/checkin/contract.js';
import { persons, responseText } from './household-text.js';
import { NAME, ROW, ROW_PRESENT, ROW_TEXT, TAGS, TAP_TARGET } from './styles.js';

export function HouseholdRow({
  household,
  onToggle,
}: {
  household: AttendanceHousehold;
  onToggle: (taps: number) => void;
}) {
  const { t } = useTranslation();
  const nameId = `checkin-name-${household.id}`;
  const buttonId = `checkin-button-${household.id}`;
  return (
    <li style={household.present ? ROW_PRESENT : ROW} data-household={household.id}>
      <div style={ROW_TEXT}>
        <p style={NAME} id={nameId}>
          {household.name}
        </p>
        <Paragraph data-size="sm" style={{ margin: 0 }}>
          {persons(t, household)} · {responseText(t, household)}
        </Paragraph>
        {household.firstTime || household.walkIn ? (
          <div style={TAGS}>
            {household.firstTime ? (
              <Tag data-color="info" data-size="sm">
                {t('cafe.checkin.firstTime')}
              </Tag>
            ) : null}
            {household.walkIn ? (
              <Tag data-color="neutral" data-size="sm">
                {t('cafe.checkin.walkIn')}
              </Tag>
            ) : null}
          </div>
        ) : null}
      </div>
      <Button
        variant={household.present ? 'secondary' : 'primary'}
        data-color={household.present ? 'success' : undefined}
        id={buttonId}
        // Its name says whom it is for: "Sjekk inn Kari og Ola Hansen" (its own text, then the name).
        aria-labelledby={`${buttonId} ${nameId}`}
        onClick={(event) => onToggle(event.detail)}
        style={TAP_TARGET}
      >
        {household.present ? t('cafe.checkin.checkedIn') : t('cafe.checkin.checkIn')}
      </Button>
    </li>
  );
}
