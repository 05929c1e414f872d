import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/MessagePage.js';
import { HousingPage } from './HousingPage.js';
import { HousingUnitPage } from './HousingUnitPage.js';

/** Everything under /familiehjem/boliger: the list with its summary, and one unit. */
export function HousingRoutes() {
  return (
    <Routes>
      <Route index element={<HousingPage />} />
      <Route path=":unitId" element={<HousingUnitPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
