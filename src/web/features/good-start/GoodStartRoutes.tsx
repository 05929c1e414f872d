import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/MessagePage.js';
import { EvaluationPage } from '../evaluation/EvaluationPage.js';
import { QuestionnairePage } from '../evaluation/QuestionnairePage.js';
import { CohortPage } from './CohortPage.js';
import { CohortsPage } from './CohortsPage.js';
import { NewCohortPage } from './NewCohortPage.js';

/** Everything under /god-start: the cohorts, a new one, one cohort, its evaluation, the questionnaire. */
export function GoodStartRoutes() {
  return (
    <Routes>
      <Route index element={<CohortsPage />} />
      <Route path="ny" element={<NewCohortPage />} />
      <Route path="sporreskjema" element={<QuestionnairePage />} />
      <Route path=":cohortId" element={<CohortPage />} />
      <Route path=":cohortId/evaluering" element={<EvaluationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
