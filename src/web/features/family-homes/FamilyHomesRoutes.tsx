import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/MessagePage.js';
import { FamilyHomeCostsPage } from '../family-home-costs/FamilyHomeCostsPage.js';
import { RecruitingRoutes } from '../family-home-recruiting/RecruitingRoutes.js';
import { HousingRoutes } from '../housing/HousingRoutes.js';
import { FamilyHomePage } from './FamilyHomePage.js';
import { FamilyHomesPage } from './FamilyHomesPage.js';

/** Everything under /familiehjem: the landing page with the homes, and one home's page. */
export function FamilyHomesRoutes() {
  return (
    <Routes>
      <Route index element={<FamilyHomesPage />} />
      <Route path="boliger/*" element={<HousingRoutes />} />
      <Route path="rekruttering/*" element={<RecruitingRoutes />} />
      <Route path="kostnader" element={<FamilyHomeCostsPage />} />
      <Route path=":householdId" element={<FamilyHomePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
