import { staffText } from '../../i18n/staff.js';
import type { FigureTable } from '../insight/index.js';
import type { NetworkFigureId, NetworkInsight } from './contract.js';

// Each figure of /innsikt/nettverk as a table: the same columns in .xlsx and CSV, in bokmål as the
// team's spreadsheets are (networkInsight.exports in the staff catalogues). Money in kroner.

const text = (key: string, values: Record<string, string | number> = {}) =>
  staffText('nb', `networkInsight.exports.${key}`, values);
const column = (name: string) => text(`columns.${name}`);
const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat('nb', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, i, 15))),
);
const kroner = (ore: number) => Math.round(ore) / 100;

export function networkFigureTable(
  insight: NetworkInsight,
  figure: NetworkFigureId,
): FigureTable & { note: string } {
  const note = text('note', { title: text(`titles.${figure}`), year: insight.year });
  switch (figure) {
    case 'contacts':
      return {
        title: text('titles.contacts'),
        note,
        header: [column('network'), column('household'), ...MONTHS, column('total'), column('perMonth')],
        rows: insight.networks.flatMap((n) =>
          n.members.map((m) => [n.name, m.name, ...m.months, m.total, m.perMonth]),
        ),
      };
    case 'gatherings':
      return {
        title: text('titles.gatherings'),
        note,
        header: [column('network'), column('held'), column('planned'), column('required')],
        rows: insight.networks.map((n) => [
          n.name,
          n.gatherings.held,
          n.gatherings.planned,
          n.gatherings.required,
        ]),
      };
    case 'budget':
      return {
        title: text('titles.budget'),
        note,
        header: [
          column('network'),
          column('budget'),
          column('source'),
          column('approved'),
          column('submitted'),
          column('used'),
        ],
        rows: insight.networks.map((n) => [
          n.name,
          kroner(n.budget.budgetOre),
          text(`sources.${n.budget.source}`),
          kroner(n.budget.approvedOre),
          kroner(n.budget.submittedOre),
          n.budget.used === null ? null : Math.round(n.budget.used * 1000) / 10,
        ]),
      };
    case 'supervision':
      return {
        title: text('titles.supervision'),
        note,
        header: [
          column('network'),
          column('talks'),
          column('onTime'),
          column('onTimeShare'),
          column('nextDue'),
          column('overdue'),
        ],
        rows: insight.networks.map((n) => [
          n.name,
          n.supervision.talks,
          n.supervision.onTime,
          n.supervision.share === null ? null : Math.round(n.supervision.share * 1000) / 10,
          n.supervision.nextDue,
          text(n.supervision.overdue ? 'yes' : 'no'),
        ]),
      };
  }
}
