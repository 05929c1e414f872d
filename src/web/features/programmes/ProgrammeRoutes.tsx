import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/MessagePage.js';
import { CohortsPage } from './CohortsPage.js';
import { ProgrammePage } from './ProgrammePage.js';
import { StabilityPage } from './StabilityPage.js';

/** Everything under /program: the plan, placement stability, and the cohorts of En god start. */
export function ProgrammeRoutes() {
  return (
    <Routes>
      <Route index element={<ProgrammePage />} />
      <Route path="stabilitet" element={<StabilityPage />} />
      <Route path="kull" element={<CohortsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
