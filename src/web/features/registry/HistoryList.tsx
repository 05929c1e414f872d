import { Details, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { shortDate } from '../../shared/dates.js';
import { formatDateTime } from '../../shared/format.js';
import { formatPhone } from './format.js';
import type { HistoryChange, HistoryEntry } from './types.js';

/** More changes than this in one entry (a new household has many) fold away behind «Vis endringene». */
const FOLD_AFTER = 4;

/** The changes to a household, newest first: when, who, what, and each field before → after. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <Paragraph>{t('registry.history.empty')}</Paragraph>;
  return (
    <ol className="registry-history">
      {entries.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and never move
        <li key={`${entry.at}:${index}`} className="registry-history__entry">
          <p className="registry-history__what">
            <strong>{t(`registry.history.actions.${entry.action}`, { defaultValue: entry.action })}</strong>
            <span className="registry-history__meta">
              {formatDateTime(entry.at, i18n.language)}
              {' · '}
              {entry.actorName ?? t('registry.history.unknownActor')}
            </span>
          </p>
          {entry.changes.length === 0 ? null : entry.changes.length > FOLD_AFTER ? (
            <Details>
              <Details.Summary>
                {t('registry.history.showChanges', { count: entry.changes.length })}
              </Details.Summary>
              <Details.Content>
                <Changes changes={entry.changes} />
              </Details.Content>
            </Details>
          ) : (
            <Changes changes={entry.changes} />
          )}
        </li>
      ))}
    </ol>
  );
}

function Changes({ changes }: { changes: HistoryChange[] }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const value = useValueText();
  return (
    <ul className="registry-history__changes">
      {changes.map((change, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a field may change twice in one entry
        <li key={`${change.field}:${index}`}>
          <span className="registry-history__field">{label(change.field)}:</span>{' '}
          <span className="registry-history__before">{value(change.field, change.before)}</span>
          <span aria-hidden="true"> → </span>
          <span className="ds-sr-only"> {t('registry.history.changedTo')} </span>
          <span className="registry-history__after">{value(change.field, change.after)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The last word of a field path, e.g. 'adults.0.mobile' → 'mobile'. */
const lastName = (field: string) =>
  field
    .split(/[.[\]/]+/)
    .filter((part) => part && !/^\d+$/.test(part))
    .at(-1) ?? field;

/** 'adults.0.mobile' → «Voksen 1: Mobil»; a field the catalogue does not know is shown as it is. */
function useFieldLabel(): (field: string) => string {
  const { t, i18n } = useTranslation();
  return (field) => {
    const parts = field.split(/[.[\]/]+/).filter(Boolean);
    const name = lastName(field);
    const text = i18n.exists(`registry.fields.${name}`) ? t(`registry.fields.${name}`) : field;
    const section = parts[0];
    const index = parts.findIndex((part) => /^\d+$/.test(part));
    const legend = { adults: 'adultLegend', children: 'childLegend', placements: 'placementLegend' }[
      section ?? ''
    ];
    if (!legend || index < 0) return text;
    const row = t(`registry.form.${legend}`, { number: Number(parts[index]) + 1 });
    return parts.length > index + 1 ? `${row}, ${text.toLowerCase()}` : row;
  };
}

function useValueText(): (field: string, value: unknown) => string {
  const { t, i18n } = useTranslation();
  const text = (name: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('registry.history.none');
    if (Array.isArray(value))
      return value.length ? value.map((item) => text(name, item)).join(', ') : t('registry.history.none');
    if (typeof value === 'object') {
      const named = value as { firstName?: unknown; lastName?: unknown };
      if (typeof named.firstName === 'string')
        return [named.firstName, named.lastName].filter(Boolean).join(' ');
      return JSON.stringify(value);
    }
    const raw = String(value);
    const lookups: Record<string, string> = {
      kind: 'kinds',
      relation: 'relations',
      endReason: 'endReasons',
      preferredLanguage: 'languages',
      preferredChannels: 'channels',
      travelSource: 'travelSources',
    };
    const lookup = lookups[name];
    // Lists (channels) come as one text: "email, sms".
    if (lookup && raw.includes(', '))
      return raw
        .split(', ')
        .map((item) => text(name, item))
        .join(', ');
    if (lookup && i18n.exists(`registry.${lookup}.${raw}`)) return t(`registry.${lookup}.${raw}`);
    if (name === 'mobile') return formatPhone(raw);
    if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return shortDate(raw, i18n.language);
    if (name === 'travelMinutes' && /^\d+$/.test(raw)) return t('registry.minutes', { minutes: Number(raw) });
    return raw;
  };
  return (field, value) => text(lastName(field), value);
}
