import { Route, Routes } from 'react-router-dom';
import { CoursesPage } from '../features/courses/CoursesPage.js';
import { EditHouseholdPage, NewHouseholdPage } from '../features/registry/HouseholdFormPage.js';
import { HouseholdPage } from '../features/registry/HouseholdPage.js';
import { RegistryListPage } from '../features/registry/RegistryListPage.js';
import { TravelTimesPage } from '../features/registry-data/TravelTimesPage.js';
import { NotFoundPage } from './MessagePage.js';

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
      <Route path="kurs" element={<CoursesPage />} />
      <Route path=":householdId" element={<HouseholdPage />} />
      <Route path=":householdId/rediger" element={<EditHouseholdPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
