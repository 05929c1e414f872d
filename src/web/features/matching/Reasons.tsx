import { useTranslation } from 'react-i18next';
import type { Proposals } from '../../../features/matching/contract.js';

type Reason = Proposals['members'][number]['reasons'][number];

/** Why a home is proposed, one reason a line, in words (matching.reasons.*). */
export function Reasons({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation();
  const text = (r: Reason): string => {
    switch (r.code) {
      case 'picked':
        return t('matching.reasons.picked', { children: r.children.join(', ') });
      case 'sibling':
        return t('matching.reasons.sibling', { child: r.child, sibling: r.sibling });
      case 'age':
        return t('matching.reasons.age', r);
      case 'cafe':
        return t('matching.reasons.cafe', { household: r.household, count: r.evenings });
      case 'travel':
        return t('matching.reasons.travel', {
          minutes: r.minutes,
          estimate: t(`matching.estimates.${r.estimate}`),
        });
      case 'travel_unknown':
        return t('matching.reasons.travel_unknown');
      case 'no_solid':
        return t('matching.reasons.no_solid');
      case 'candidate':
        return t('matching.reasons.candidate');
    }
  };
  return (
    <ul className="matching-reasons">
      {reasons.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a proposal's reasons have no id and never reorder
        <li key={i}>{text(r)}</li>
      ))}
    </ul>
  );
}
