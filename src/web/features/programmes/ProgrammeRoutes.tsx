import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/MessagePage.js';
import { ProgrammePage } from './ProgrammePage.js';
import { StabilityPage } from './StabilityPage.js';

/** Everything under /program: the plan, and placement stability. */
export function ProgrammeRoutes() {
  return (
    <Routes>
      <Route index element={<ProgrammePage />} />
      <Route path="stabilitet" element={<StabilityPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
