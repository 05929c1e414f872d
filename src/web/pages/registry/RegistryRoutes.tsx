import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../MessagePage.js';
import { EditHouseholdPage, NewHouseholdPage } from './HouseholdFormPage.js';
import { HouseholdPage } from './HouseholdPage.js';
import { RegistryListPage } from './RegistryListPage.js';
import { TravelTimesPage } from './TravelTimesPage.js';

/**
 * Everything under /register: the list, a new household, one household and its form. The
 * import wizard (/register/import) is a route of its own, which wins over `:householdId`.
 */
export function RegistryRoutes() {
  return (
    <Routes>
      <Route index element={<RegistryListPage />} />
      <Route path="ny" element={<NewHouseholdPage />} />
      <Route path="reisetider" element={<TravelTimesPage />} />
      <Route path=":householdId" element={<HouseholdPage />} />
      <Route path=":householdId/rediger" element={<EditHouseholdPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
