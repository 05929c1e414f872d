import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/MessagePage.js';
import { CandidatePage } from './CandidatePage.js';
import { RecruitingPage } from './RecruitingPage.js';

/** Everything under /familiehjem/rekruttering: the pipeline, and one candidate. */
export function RecruitingRoutes() {
  return (
    <Routes>
      <Route index element={<RecruitingPage />} />
      <Route path=":candidateId" element={<CandidatePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
